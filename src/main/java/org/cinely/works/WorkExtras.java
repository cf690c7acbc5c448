package org.cinely.works;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.cinely.platform.MemberId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Credits, likes and comments: small rows read in one query per page and changed one at a
 * time, with the counters on works kept in the same statement batch.
 */
@Repository
class WorkExtras {

    public record Credit(long id, long workId, MemberId member, String craft, boolean confirmed) {}

    public record Comment(long id, long workId, MemberId author, String body, Instant createdAt, Instant editedAt) {}

    private final JdbcClient jdbc;
    private final Clock clock;

    WorkExtras(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    private Timestamp now() {
        return Timestamp.from(clock.instant());
    }

    List<Credit> credits(long workId) {
        return jdbc.sql(
                        "select id, work_id, member_id, craft, confirmed from work_credits where work_id = ? order by id")
                .param(workId)
                .query((rs, row) -> new Credit(
                        rs.getLong(1), rs.getLong(2), MemberId.of(rs.getLong(3)), rs.getString(4), rs.getBoolean(5)))
                .list();
    }

    Optional<Credit> credit(long creditId) {
        return jdbc.sql("select id, work_id, member_id, craft, confirmed from work_credits where id = ?")
                .param(creditId)
                .query((rs, row) -> new Credit(
                        rs.getLong(1), rs.getLong(2), MemberId.of(rs.getLong(3)), rs.getString(4), rs.getBoolean(5)))
                .optional();
    }

    /** Adds a credit unless it exists; returns its id when it is new. */
    Optional<Long> addCredit(long workId, MemberId member, String craft, boolean confirmed) {
        Integer exists = jdbc.sql("select count(*) from work_credits where work_id = ? and member_id = ? and craft = ?")
                .params(workId, member.value(), craft)
                .query(Integer.class)
                .single();
        if (exists != null && exists > 0) {
            return Optional.empty();
        }
        var keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
        jdbc.sql("insert into work_credits (work_id, member_id, craft, confirmed, created_at) values (?, ?, ?, ?, ?)")
                .params(workId, member.value(), craft, confirmed, now())
                .update(keys, "id");
        return Optional.of(keys.getKey().longValue());
    }

    void confirmCredit(long creditId) {
        jdbc.sql("update work_credits set confirmed = true where id = ?")
                .param(creditId)
                .update();
    }

    void removeCredit(long creditId) {
        jdbc.sql("delete from work_credits where id = ?").param(creditId).update();
    }

    void removeCreditsNotIn(long workId, List<Long> keep) {
        if (keep.isEmpty()) {
            jdbc.sql("delete from work_credits where work_id = ?").param(workId).update();
            return;
        }
        jdbc.sql("delete from work_credits where work_id = :work and id not in (:keep)")
                .param("work", workId)
                .param("keep", keep)
                .update();
    }

    Optional<Long> creditId(long workId, MemberId member, String craft) {
        return jdbc.sql("select id from work_credits where work_id = ? and member_id = ? and craft = ?")
                .params(workId, member.value(), craft)
                .query(Long.class)
                .optional();
    }

    boolean liked(long workId, MemberId member) {
        Integer n = jdbc.sql("select count(*) from work_likes where work_id = ? and member_id = ?")
                .params(workId, member.value())
                .query(Integer.class)
                .single();
        return n != null && n > 0;
    }

    /** Likes or unlikes; returns whether the member now likes it. */
    boolean toggleLike(long workId, MemberId member) {
        int removed = jdbc.sql("delete from work_likes where work_id = ? and member_id = ?")
                .params(workId, member.value())
                .update();
        if (removed == 0) {
            jdbc.sql("insert into work_likes (work_id, member_id, created_at) values (?, ?, ?)")
                    .params(workId, member.value(), now())
                    .update();
        }
        jdbc.sql("update works set like_count = (select count(*) from work_likes where work_id = ?) where id = ?")
                .params(workId, workId)
                .update();
        return removed == 0;
    }

    List<Comment> comments(long workId) {
        return jdbc.sql("select id, work_id, author_id, body, created_at, edited_at from work_comments"
                        + " where work_id = ? order by created_at, id")
                .param(workId)
                .query((rs, row) -> new Comment(
                        rs.getLong(1),
                        rs.getLong(2),
                        MemberId.of(rs.getLong(3)),
                        rs.getString(4),
                        rs.getTimestamp(5).toInstant(),
                        rs.getTimestamp(6) == null ? null : rs.getTimestamp(6).toInstant()))
                .list();
    }

    Optional<Comment> comment(long commentId) {
        return jdbc.sql("select id, work_id, author_id, body, created_at, edited_at from work_comments where id = ?")
                .param(commentId)
                .query((rs, row) -> new Comment(
                        rs.getLong(1),
                        rs.getLong(2),
                        MemberId.of(rs.getLong(3)),
                        rs.getString(4),
                        rs.getTimestamp(5).toInstant(),
                        rs.getTimestamp(6) == null ? null : rs.getTimestamp(6).toInstant()))
                .optional();
    }

    void addComment(long workId, MemberId author, String body) {
        jdbc.sql("insert into work_comments (work_id, author_id, body, created_at) values (?, ?, ?, ?)")
                .params(workId, author.value(), body, now())
                .update();
        countComments(workId);
    }

    void editComment(long commentId, String body) {
        jdbc.sql("update work_comments set body = ?, edited_at = ? where id = ?")
                .params(body, now(), commentId)
                .update();
    }

    void deleteComment(long workId, long commentId) {
        jdbc.sql("delete from work_comments where id = ?").param(commentId).update();
        countComments(workId);
    }

    private void countComments(long workId) {
        jdbc.sql("update works set comment_count = (select count(*) from work_comments where work_id = ?) where id = ?")
                .params(workId, workId)
                .update();
    }
}
