package org.cinely.works;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.cinely.accounts.AccountsApi;
import org.cinely.accounts.MemberSummary;
import org.cinely.media.MediaApi;
import org.cinely.media.MediaStatus;
import org.cinely.platform.Craft;
import org.cinely.platform.MemberId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * List queries (browse, a member's works). Plain SQL with one query for the page and one batch
 * each for owners and media, so a page of 24 cards costs three queries, not 50.
 */
@Repository
class WorkQueries {

    private final JdbcClient jdbc;
    private final AccountsApi accounts;
    private final MediaApi media;

    WorkQueries(JdbcClient jdbc, AccountsApi accounts, MediaApi media) {
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.media = media;
    }

    private record Row(
            long id,
            String title,
            String type,
            Integer year,
            long owner,
            Long asset,
            int likes,
            java.sql.Timestamp published) {}

    /** Newest public, playable works, optionally of one production type or with a credited craft. */
    List<WorkCard> newestPublic(Optional<ProductionType> type, Optional<Craft> craft, int page, int size) {
        StringBuilder sql = new StringBuilder(
                "select w.id, w.title, w.production_type, w.production_year, w.owner_id, w.media_asset_id,"
                        + " w.like_count, w.published_at from works w where w.visibility = 'PUBLIC' and w.playable = true");
        var params = new java.util.HashMap<String, Object>();
        type.ifPresent(t -> {
            sql.append(" and w.production_type = :type");
            params.put("type", t.name());
        });
        craft.ifPresent(c -> {
            sql.append(" and exists (select 1 from work_credits c where c.work_id = w.id and c.craft = :craft)");
            params.put("craft", c.slug());
        });
        sql.append(" order by w.published_at desc, w.id desc limit :limit offset :offset");
        params.put("limit", size + 1);
        params.put("offset", Math.max(0, page) * size);
        return cards(
                jdbc.sql(sql.toString()).params(params).query(WorkQueries::row).list());
    }

    /** A member's works that this viewer may see, newest first (for the profile page). */
    List<WorkCard> worksOf(MemberId owner, boolean ownerViewing, boolean connected) {
        String visible = ownerViewing
                ? ""
                : connected
                        ? " and w.visibility in ('PUBLIC','CONNECTIONS') and w.playable = true"
                        : " and w.visibility = 'PUBLIC' and w.playable = true";
        return cards(jdbc.sql("select w.id, w.title, w.production_type, w.production_year, w.owner_id,"
                        + " w.media_asset_id, w.like_count, w.published_at from works w where w.owner_id = ?" + visible
                        + " order by w.created_at desc limit 100")
                .param(owner.value())
                .query(WorkQueries::row)
                .list());
    }

    /** Confirmed credits of a member on public, playable works (others' works included). */
    List<CreditedWork> confirmedCreditsOf(MemberId member) {
        return jdbc.sql("select w.id, w.title, w.production_type, w.production_year, c.craft from work_credits c"
                        + " join works w on w.id = c.work_id where c.member_id = ? and c.confirmed = true"
                        + " and w.visibility = 'PUBLIC' and w.playable = true order by w.published_at desc limit 100")
                .param(member.value())
                .query((rs, n) -> new CreditedWork(
                        rs.getLong(1),
                        rs.getString(2),
                        ProductionType.valueOf(rs.getString(3)),
                        (Integer) rs.getObject(4, Integer.class),
                        rs.getString(5)))
                .list();
    }

    private static Row row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Row(
                rs.getLong(1),
                rs.getString(2),
                rs.getString(3),
                (Integer) rs.getObject(4, Integer.class),
                rs.getLong(5),
                (Long) rs.getObject(6, Long.class),
                rs.getInt(7),
                rs.getTimestamp(8));
    }

    private List<WorkCard> cards(List<Row> rows) {
        Map<MemberId, MemberSummary> owners = accounts.findMembers(
                rows.stream().map(r -> MemberId.of(r.owner())).toList());
        Map<Long, MediaStatus> statuses = media.statuses(
                rows.stream().map(Row::asset).filter(java.util.Objects::nonNull).toList());
        List<WorkCard> cards = new ArrayList<>();
        for (Row r : rows) {
            MemberSummary owner = owners.get(MemberId.of(r.owner()));
            MediaStatus status = r.asset() == null ? null : statuses.get(r.asset());
            cards.add(new WorkCard(
                    r.id(),
                    r.title(),
                    ProductionType.valueOf(r.type()),
                    r.year(),
                    MemberId.of(r.owner()),
                    owner == null ? null : owner.handle(),
                    owner == null ? null : owner.displayName(),
                    status != null && status.hasPoster(),
                    status == null ? null : status.durationSeconds(),
                    r.likes(),
                    r.published() == null ? null : r.published().toInstant()));
        }
        return cards;
    }
}
