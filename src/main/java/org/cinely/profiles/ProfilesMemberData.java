package org.cinely.profiles;

import static org.cinely.profiles.jooq.Tables.PROFILES;
import static org.cinely.profiles.jooq.Tables.PROFILE_AVATARS;
import static org.cinely.profiles.jooq.Tables.PROFILE_CRAFTS;
import static org.cinely.profiles.jooq.Tables.PROFILE_CREDITS;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.cinely.platform.MemberId;
import org.cinely.platform.account.MemberData;
import org.cinely.platform.account.MemberDataArchive;
import org.jooq.DSLContext;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The profile's part of a member's data: the profile with its crafts, credits and photo. Erased
 * whole: the profile row goes, and its crafts, credits, photo and former handles with it (foreign
 * keys with cascade). jOOQ: these are plain reads of the member's own rows, mapped straight to JSON.
 */
@Component
class ProfilesMemberData implements MemberData {

    private final DSLContext dsl;

    ProfilesMemberData(DSLContext dsl) {
        this.dsl = dsl;
    }

    @Override
    public int order() {
        return 10;
    }

    @Override
    @Transactional(readOnly = true)
    public void export(MemberId member, MemberDataArchive archive) throws IOException {
        Map<String, Object> profile = dsl.select(
                        PROFILES.HANDLE,
                        PROFILES.DISPLAY_NAME,
                        PROFILES.HEADLINE,
                        PROFILES.BIO,
                        PROFILES.LOCATION_CITY,
                        PROFILES.LOCATION_COUNTRY,
                        PROFILES.AVAILABILITY,
                        PROFILES.BUSY_UNTIL,
                        PROFILES.DAY_RATE,
                        PROFILES.DAY_RATE_CURRENCY,
                        PROFILES.WEBSITE_URL,
                        PROFILES.IMDB_URL,
                        PROFILES.VIMEO_URL,
                        PROFILES.YOUTUBE_URL,
                        PROFILES.INSTAGRAM_URL,
                        PROFILES.VISIBILITY,
                        PROFILES.UPDATED_AT)
                .from(PROFILES)
                .where(PROFILES.MEMBER_ID.eq(member.value()))
                .fetchOptionalMap()
                .orElse(null);
        if (profile == null) {
            return;
        }
        Map<String, Object> withCrafts = new LinkedHashMap<>(profile);
        withCrafts.put(
                "crafts",
                dsl.select(PROFILE_CRAFTS.CRAFT)
                        .from(PROFILE_CRAFTS)
                        .where(PROFILE_CRAFTS.MEMBER_ID.eq(member.value()))
                        .orderBy(PROFILE_CRAFTS.POSITION)
                        .fetch(PROFILE_CRAFTS.CRAFT));
        archive.json("profile/profile.json", withCrafts);
        archive.json(
                "profile/credits.json",
                dsl.select(
                                PROFILE_CREDITS.TITLE,
                                PROFILE_CREDITS.RELEASE_YEAR,
                                PROFILE_CREDITS.PRODUCTION_TYPE,
                                PROFILE_CREDITS.CRAFT,
                                PROFILE_CREDITS.WORK_ID,
                                PROFILE_CREDITS.CREATED_AT)
                        .from(PROFILE_CREDITS)
                        .where(PROFILE_CREDITS.MEMBER_ID.eq(member.value()))
                        .orderBy(PROFILE_CREDITS.RELEASE_YEAR.desc(), PROFILE_CREDITS.ID)
                        .fetchMaps());
        byte[] avatar = dsl.select(PROFILE_AVATARS.IMAGE)
                .from(PROFILE_AVATARS)
                .where(PROFILE_AVATARS.MEMBER_ID.eq(member.value()))
                .fetchOne(PROFILE_AVATARS.IMAGE);
        if (avatar != null) {
            archive.file("profile/avatar.jpg", new ByteArrayInputStream(avatar));
        }
    }

    @Override
    @Transactional
    public void erase(MemberId member) {
        // crafts, credits, the photo and former handles go with the profile (ON DELETE CASCADE)
        dsl.deleteFrom(PROFILES).where(PROFILES.MEMBER_ID.eq(member.value())).execute();
    }
}
