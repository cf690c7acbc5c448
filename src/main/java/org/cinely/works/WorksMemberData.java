package org.cinely.works;

import static org.cinely.works.jooq.Tables.WORKS;
import static org.cinely.works.jooq.Tables.WORK_AUTHOR_STANDINGS;
import static org.cinely.works.jooq.Tables.WORK_COMMENTS;
import static org.cinely.works.jooq.Tables.WORK_CREDITS;
import static org.cinely.works.jooq.Tables.WORK_LIKES;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.cinely.media.MediaApi;
import org.cinely.platform.MemberId;
import org.cinely.platform.account.MemberData;
import org.cinely.platform.account.MemberDataArchive;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Works' part of a member's data: their works (details, credits, counts) with each original video,
 * the comments they wrote and the works they liked, and the credits others gave them.
 *
 * <p>Erasure removes rather than anonymises: the member's works go with their files (through
 * {@link WorkTrash#removeForGood}, as the trash's purge does: they skip the trash), and so do their comments, likes and
 * credits on other members' works. A comment is the member's own words: left under "a deleted
 * member" it would still say who wrote it often enough; the works keep their counts true.
 */
@Component
class WorksMemberData implements MemberData {

    private final DSLContext dsl;
    private final WorkRepository works;
    private final WorkTrash trash;
    private final MediaApi media;

    WorksMemberData(DSLContext dsl, WorkRepository works, WorkTrash trash, MediaApi media) {
        this.dsl = dsl;
        this.works = works;
        this.trash = trash;
        this.media = media;
    }

    @Override
    public int order() {
        return 40;
    }

    @Override
    @Transactional(readOnly = true)
    public void export(MemberId member, MemberDataArchive archive) throws IOException {
        List<Map<String, Object>> own = new ArrayList<>();
        Map<Long, Long> sources = new LinkedHashMap<>();
        for (var work : dsl.select(
                        WORKS.ID,
                        WORKS.TITLE,
                        WORKS.DESCRIPTION,
                        WORKS.PRODUCTION_TYPE,
                        WORKS.PRODUCTION_YEAR,
                        WORKS.TAGS,
                        WORKS.VISIBILITY,
                        WORKS.PUBLISHED_AT,
                        WORKS.LIKE_COUNT,
                        WORKS.COMMENT_COUNT,
                        WORKS.CREATED_AT,
                        WORKS.UPDATED_AT,
                        WORKS.MEDIA_ASSET_ID)
                .from(WORKS)
                .where(WORKS.OWNER_ID.eq(member.value()))
                .orderBy(WORKS.ID)
                .fetch()) {
            Map<String, Object> row = new LinkedHashMap<>(work.intoMap());
            Object assetId = row.remove(WORKS.MEDIA_ASSET_ID.getName());
            row.put(
                    "credits",
                    dsl.select(WORK_CREDITS.MEMBER_ID, WORK_CREDITS.CRAFT, WORK_CREDITS.CONFIRMED)
                            .from(WORK_CREDITS)
                            .where(WORK_CREDITS.WORK_ID.eq(work.get(WORKS.ID)))
                            .orderBy(WORK_CREDITS.ID)
                            .fetchMaps());
            if (assetId instanceof Long asset) {
                sources.put(work.get(WORKS.ID), asset);
            }
            own.add(row);
        }
        Map<Long, String> sourcePaths = new LinkedHashMap<>();
        for (Map.Entry<Long, Long> source : sources.entrySet()) {
            Optional<MediaApi.SourceFile> file = media.openSource(source.getValue());
            if (file.isPresent()) {
                String path = "works/" + source.getKey() + "/"
                        + MemberDataArchive.safeName(file.get().filename());
                archive.file(path, file.get().content());
                sourcePaths.put(source.getKey(), path);
            }
        }
        for (Map<String, Object> row : own) {
            row.put("sourceFile", sourcePaths.get((Long) row.get(WORKS.ID.getName())));
        }
        archive.json("works/works.json", own);
        archive.json(
                "works/comments.json",
                dsl.select(WORK_COMMENTS.WORK_ID, WORK_COMMENTS.BODY, WORK_COMMENTS.CREATED_AT, WORK_COMMENTS.EDITED_AT)
                        .from(WORK_COMMENTS)
                        .where(WORK_COMMENTS.AUTHOR_ID.eq(member.value()))
                        .orderBy(WORK_COMMENTS.ID)
                        .fetchMaps());
        archive.json(
                "works/likes.json",
                dsl.select(WORK_LIKES.WORK_ID, WORK_LIKES.CREATED_AT)
                        .from(WORK_LIKES)
                        .where(WORK_LIKES.MEMBER_ID.eq(member.value()))
                        .orderBy(WORK_LIKES.CREATED_AT)
                        .fetchMaps());
        archive.json(
                "works/credited-on.json",
                dsl.select(WORK_CREDITS.WORK_ID, WORK_CREDITS.CRAFT, WORK_CREDITS.CONFIRMED, WORK_CREDITS.CREATED_AT)
                        .from(WORK_CREDITS)
                        .where(WORK_CREDITS.MEMBER_ID.eq(member.value()))
                        .orderBy(WORK_CREDITS.ID)
                        .fetchMaps());
    }

    @Override
    @Transactional
    public void erase(MemberId member) {
        List<Long> owned = dsl.select(WORKS.ID)
                .from(WORKS)
                .where(WORKS.OWNER_ID.eq(member.value()))
                .fetch(WORKS.ID);
        for (Long id : owned) {
            works.findById(id).ifPresent(trash::removeForGood); // its video's files too
        }
        Set<Long> touched = new HashSet<>();
        touched.addAll(dsl.select(WORK_COMMENTS.WORK_ID)
                .from(WORK_COMMENTS)
                .where(WORK_COMMENTS.AUTHOR_ID.eq(member.value()))
                .fetch(WORK_COMMENTS.WORK_ID));
        touched.addAll(dsl.select(WORK_LIKES.WORK_ID)
                .from(WORK_LIKES)
                .where(WORK_LIKES.MEMBER_ID.eq(member.value()))
                .fetch(WORK_LIKES.WORK_ID));
        dsl.deleteFrom(WORK_COMMENTS)
                .where(WORK_COMMENTS.AUTHOR_ID.eq(member.value()))
                .execute();
        dsl.deleteFrom(WORK_LIKES)
                .where(WORK_LIKES.MEMBER_ID.eq(member.value()))
                .execute();
        dsl.deleteFrom(WORK_CREDITS)
                .where(WORK_CREDITS.MEMBER_ID.eq(member.value()))
                .execute();
        dsl.deleteFrom(WORK_AUTHOR_STANDINGS)
                .where(WORK_AUTHOR_STANDINGS.MEMBER_ID.eq(member.value()))
                .execute();
        if (!touched.isEmpty()) {
            // The counts others' works show, recounted from what is left.
            dsl.update(WORKS)
                    .set(
                            WORKS.LIKE_COUNT,
                            DSL.field(DSL.selectCount().from(WORK_LIKES).where(WORK_LIKES.WORK_ID.eq(WORKS.ID))))
                    .set(
                            WORKS.COMMENT_COUNT,
                            DSL.field(DSL.selectCount().from(WORK_COMMENTS).where(WORK_COMMENTS.WORK_ID.eq(WORKS.ID))))
                    .where(WORKS.ID.in(touched))
                    .execute();
        }
    }
}
