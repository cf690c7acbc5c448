package org.cinely.profiles;

import static org.cinely.profiles.jooq.Tables.PROFILE_AVATARS;

import java.time.LocalDateTime;
import java.util.Optional;
import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;

/**
 * Avatar bytes, in the database so that every app node can serve them. jOOQ rather than JPA: a
 * blob is read only when the image itself is asked for, never as part of the profile entity.
 */
@Repository
class AvatarStore {

    record StoredAvatar(String contentType, byte[] bytes) {}

    private final DSLContext dsl;

    AvatarStore(DSLContext dsl) {
        this.dsl = dsl;
    }

    void put(long memberId, byte[] jpeg, LocalDateTime now) {
        dsl.insertInto(PROFILE_AVATARS)
                .set(PROFILE_AVATARS.MEMBER_ID, memberId)
                .set(PROFILE_AVATARS.CONTENT_TYPE, AvatarImages.CONTENT_TYPE)
                .set(PROFILE_AVATARS.IMAGE, jpeg)
                .set(PROFILE_AVATARS.UPDATED_AT, now)
                .onDuplicateKeyUpdate()
                .set(PROFILE_AVATARS.CONTENT_TYPE, AvatarImages.CONTENT_TYPE)
                .set(PROFILE_AVATARS.IMAGE, jpeg)
                .set(PROFILE_AVATARS.UPDATED_AT, now)
                .execute();
    }

    Optional<StoredAvatar> get(long memberId) {
        return dsl.select(PROFILE_AVATARS.CONTENT_TYPE, PROFILE_AVATARS.IMAGE)
                .from(PROFILE_AVATARS)
                .where(PROFILE_AVATARS.MEMBER_ID.eq(memberId))
                .fetchOptional(r -> new StoredAvatar(r.value1(), r.value2()));
    }

    void delete(long memberId) {
        dsl.deleteFrom(PROFILE_AVATARS)
                .where(PROFILE_AVATARS.MEMBER_ID.eq(memberId))
                .execute();
    }
}
