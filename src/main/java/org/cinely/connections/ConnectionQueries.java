package org.cinely.connections;

import static org.cinely.connections.jooq.Tables.CONNECTIONS;
import static org.cinely.connections.jooq.Tables.CONNECTION_REMOVALS;
import static org.cinely.connections.jooq.Tables.CONNECTION_REQUESTS;
import static org.cinely.connections.jooq.Tables.MEMBER_BLOCKS;
import static org.cinely.connections.jooq.Tables.SUGGESTION_DISMISSALS;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.cinely.connections.jooq.tables.records.ConnectionRequestsRecord;
import org.cinely.platform.database.PageReads;
import org.cinely.platform.web.PageSlice;
import org.jooq.CaseValueStep;
import org.jooq.CaseWhenStep;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record1;
import org.jooq.Select;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

/**
 * Reads and writes of the connection graph. In jOOQ, not JPA: the graph is rows of pairs with no
 * aggregate behind them, and "people you may know" is a two-step self-join with a GROUP BY and
 * anti-joins that must stay in the database (the naive JPA walk in ConnectionsBenchmark loads
 * every friend's friends into memory and is far slower). One class at ~300 lines because
 * every query here shares the pair-ordering rule (low id first) that keeps the graph consistent.
 */
@Repository
class ConnectionQueries {

    /** A pending request. */
    record PendingRequest(long id, long requesterId, long recipientId, String note, LocalDateTime createdAt) {}

    /** A suggestion before its card is read: who, how many mutual connections, shared credits. */
    record Candidate(long memberId, int mutual, int shared) {}

    private final DSLContext dsl;
    /** noLongerSuggestible's SQL by number of candidates (a handful of sizes: a page's worth plus ten). */
    private final Map<Integer, String> noLongerSuggestibleSql = new ConcurrentHashMap<>();

    ConnectionQueries(DSLContext dsl) {
        this.dsl = dsl;
    }

    // ------------------------------------------------------------------ requests

    Optional<PendingRequest> request(long id) {
        return dsl.selectFrom(CONNECTION_REQUESTS)
                .where(CONNECTION_REQUESTS.ID.eq(id))
                .fetchOptional(ConnectionQueries::toRequest);
    }

    /** The request, locked until the transaction ends (so two accepts cannot both go through). */
    Optional<PendingRequest> requestForUpdate(long id) {
        return dsl.selectFrom(CONNECTION_REQUESTS)
                .where(CONNECTION_REQUESTS.ID.eq(id))
                .forUpdate()
                .fetchOptional(ConnectionQueries::toRequest);
    }

    /** The open request between two members, whichever of them sent it. */
    Optional<PendingRequest> requestBetween(long a, long b) {
        return dsl.selectFrom(CONNECTION_REQUESTS)
                .where(CONNECTION_REQUESTS.PAIR_LOW.eq(Math.min(a, b)))
                .and(CONNECTION_REQUESTS.PAIR_HIGH.eq(Math.max(a, b)))
                .fetchOptional(ConnectionQueries::toRequest);
    }

    /** The same, locked until the transaction ends (so two accepts cannot both go through). */
    Optional<PendingRequest> requestBetweenForUpdate(long a, long b) {
        return dsl.selectFrom(CONNECTION_REQUESTS)
                .where(CONNECTION_REQUESTS.PAIR_LOW.eq(Math.min(a, b)))
                .and(CONNECTION_REQUESTS.PAIR_HIGH.eq(Math.max(a, b)))
                .forUpdate()
                .fetchOptional(ConnectionQueries::toRequest);
    }

    /** Inserts a request; fails with a duplicate-key error when the pair already has one. */
    long insertRequest(long requester, long recipient, String note, LocalDateTime now) {
        dsl.insertInto(CONNECTION_REQUESTS)
                .set(CONNECTION_REQUESTS.REQUESTER_ID, requester)
                .set(CONNECTION_REQUESTS.RECIPIENT_ID, recipient)
                .set(CONNECTION_REQUESTS.PAIR_LOW, Math.min(requester, recipient))
                .set(CONNECTION_REQUESTS.PAIR_HIGH, Math.max(requester, recipient))
                .set(CONNECTION_REQUESTS.NOTE, note)
                .set(CONNECTION_REQUESTS.CREATED_AT, now)
                .execute();
        // LAST_INSERT_ID() on the same connection (we are in a transaction): INSERT ... RETURNING
        // is MariaDB-only and Connector/J refuses it as a query.
        return dsl.lastID().longValue();
    }

    int deleteRequest(long id) {
        return dsl.deleteFrom(CONNECTION_REQUESTS)
                .where(CONNECTION_REQUESTS.ID.eq(id))
                .execute();
    }

    void deleteRequestBetween(long a, long b) {
        dsl.deleteFrom(CONNECTION_REQUESTS)
                .where(CONNECTION_REQUESTS.PAIR_LOW.eq(Math.min(a, b)))
                .and(CONNECTION_REQUESTS.PAIR_HIGH.eq(Math.max(a, b)))
                .execute();
    }

    PageSlice<PendingRequest> incoming(long member, int page, int size) {
        return PageSlice.of(
                dsl.selectFrom(CONNECTION_REQUESTS)
                        .where(CONNECTION_REQUESTS.RECIPIENT_ID.eq(member))
                        .orderBy(CONNECTION_REQUESTS.CREATED_AT.desc(), CONNECTION_REQUESTS.ID.desc())
                        .limit(size + 1)
                        .offset(PageSlice.offset(page, size))
                        .fetch(ConnectionQueries::toRequest),
                page,
                size);
    }

    PageSlice<PendingRequest> outgoing(long member, int page, int size) {
        return PageSlice.of(
                dsl.selectFrom(CONNECTION_REQUESTS)
                        .where(CONNECTION_REQUESTS.REQUESTER_ID.eq(member))
                        .orderBy(CONNECTION_REQUESTS.CREATED_AT.desc(), CONNECTION_REQUESTS.ID.desc())
                        .limit(size + 1)
                        .offset(PageSlice.offset(page, size))
                        .fetch(ConnectionQueries::toRequest),
                page,
                size);
    }

    int outgoingCount(long member) {
        return dsl.fetchCount(CONNECTION_REQUESTS, CONNECTION_REQUESTS.REQUESTER_ID.eq(member));
    }

    int incomingCount(long member) {
        return dsl.fetchCount(CONNECTION_REQUESTS, CONNECTION_REQUESTS.RECIPIENT_ID.eq(member));
    }

    private static PendingRequest toRequest(ConnectionRequestsRecord r) {
        return new PendingRequest(r.getId(), r.getRequesterId(), r.getRecipientId(), r.getNote(), r.getCreatedAt());
    }

    // ------------------------------------------------------------------ the graph

    /** Of {@code others}, those connected to {@code member}. */
    List<Long> connectedAmong(long member, Collection<Long> others) {
        if (others.isEmpty()) {
            return List.of();
        }
        return dsl.select(CONNECTIONS.OTHER_ID)
                .from(CONNECTIONS)
                .where(CONNECTIONS.MEMBER_ID.eq(member))
                .and(CONNECTIONS.OTHER_ID.in(others))
                .fetch(CONNECTIONS.OTHER_ID);
    }

    boolean connected(long a, long b) {
        return dsl.fetchExists(CONNECTIONS, CONNECTIONS.MEMBER_ID.eq(a).and(CONNECTIONS.OTHER_ID.eq(b)));
    }

    /** Both directions; harmless when they are connected already. */
    void connect(long a, long b, LocalDateTime now) {
        dsl.insertInto(CONNECTIONS, CONNECTIONS.MEMBER_ID, CONNECTIONS.OTHER_ID, CONNECTIONS.CREATED_AT)
                .values(a, b, now)
                .values(b, a, now)
                .onDuplicateKeyIgnore()
                .execute();
    }

    /** Since when a is connected to b, if they are. */
    Optional<LocalDateTime> connectedSince(long a, long b) {
        return dsl.select(CONNECTIONS.CREATED_AT)
                .from(CONNECTIONS)
                .where(CONNECTIONS.MEMBER_ID.eq(a).and(CONNECTIONS.OTHER_ID.eq(b)))
                .fetchOptional(CONNECTIONS.CREATED_AT);
    }

    /** The remover may put the connection back for a while (the latest removal counts). */
    void recordRemoval(long remover, long other, LocalDateTime connectedAt, LocalDateTime now) {
        dsl.insertInto(CONNECTION_REMOVALS)
                .set(CONNECTION_REMOVALS.REMOVER_ID, remover)
                .set(CONNECTION_REMOVALS.OTHER_ID, other)
                .set(CONNECTION_REMOVALS.CONNECTED_AT, connectedAt)
                .set(CONNECTION_REMOVALS.REMOVED_AT, now)
                .onDuplicateKeyUpdate()
                .set(CONNECTION_REMOVALS.CONNECTED_AT, connectedAt)
                .set(CONNECTION_REMOVALS.REMOVED_AT, now)
                .execute();
    }

    /** The connection date of a removal by this remover made at or after {@code notBefore}, the row locked. */
    Optional<LocalDateTime> removalForUpdate(long remover, long other, LocalDateTime notBefore) {
        return dsl.select(CONNECTION_REMOVALS.CONNECTED_AT)
                .from(CONNECTION_REMOVALS)
                .where(CONNECTION_REMOVALS.REMOVER_ID.eq(remover))
                .and(CONNECTION_REMOVALS.OTHER_ID.eq(other))
                .and(CONNECTION_REMOVALS.REMOVED_AT.ge(notBefore))
                .forUpdate()
                .fetchOptional(CONNECTION_REMOVALS.CONNECTED_AT);
    }

    /** Either member's removals of the other (a block, a restore, a new connection). */
    void forgetRemovals(long a, long b) {
        dsl.deleteFrom(CONNECTION_REMOVALS)
                .where(CONNECTION_REMOVALS.REMOVER_ID.eq(a).and(CONNECTION_REMOVALS.OTHER_ID.eq(b)))
                .or(CONNECTION_REMOVALS.REMOVER_ID.eq(b).and(CONNECTION_REMOVALS.OTHER_ID.eq(a)))
                .execute();
    }

    int forgetRemovalsBefore(LocalDateTime cutoff) {
        return dsl.deleteFrom(CONNECTION_REMOVALS)
                .where(CONNECTION_REMOVALS.REMOVED_AT.lt(cutoff))
                .execute();
    }

    int disconnect(long a, long b) {
        return dsl.deleteFrom(CONNECTIONS)
                .where(CONNECTIONS.MEMBER_ID.eq(a).and(CONNECTIONS.OTHER_ID.eq(b)))
                .or(CONNECTIONS.MEMBER_ID.eq(b).and(CONNECTIONS.OTHER_ID.eq(a)))
                .execute();
    }

    List<Long> connectionIds(long member, int limit) {
        return dsl.select(CONNECTIONS.OTHER_ID)
                .from(CONNECTIONS)
                .where(CONNECTIONS.MEMBER_ID.eq(member))
                .orderBy(CONNECTIONS.CREATED_AT.desc())
                .limit(limit)
                .fetch(r -> r.value1());
    }

    int connectionCount(long member) {
        return dsl.fetchCount(CONNECTIONS, CONNECTIONS.MEMBER_ID.eq(member));
    }

    /** Some of the connections two members share, and how many they share in all. */
    List<Long> mutualSample(long a, long b, int limit) {
        var theirs = CONNECTIONS.as("theirs");
        var mine = CONNECTIONS.as("mine");
        return dsl.select(theirs.OTHER_ID)
                .from(theirs)
                .join(mine)
                .on(mine.MEMBER_ID.eq(a))
                .and(mine.OTHER_ID.eq(theirs.OTHER_ID))
                .where(theirs.MEMBER_ID.eq(b))
                .orderBy(theirs.CREATED_AT.desc())
                .limit(limit)
                .fetch(r -> r.value1());
    }

    int mutualCount(long a, long b) {
        var theirs = CONNECTIONS.as("theirs");
        var mine = CONNECTIONS.as("mine");
        return dsl.selectCount()
                .from(theirs)
                .join(mine)
                .on(mine.MEMBER_ID.eq(a))
                .and(mine.OTHER_ID.eq(theirs.OTHER_ID))
                .where(theirs.MEMBER_ID.eq(b))
                .fetchOne()
                .value1();
    }

    // ------------------------------------------------------------------ blocks and dismissals

    void block(long blocker, long blocked, LocalDateTime now) {
        dsl.insertInto(MEMBER_BLOCKS)
                .set(MEMBER_BLOCKS.BLOCKER_ID, blocker)
                .set(MEMBER_BLOCKS.BLOCKED_ID, blocked)
                .set(MEMBER_BLOCKS.CREATED_AT, now)
                .onDuplicateKeyIgnore()
                .execute();
    }

    int unblock(long blocker, long blocked) {
        return dsl.deleteFrom(MEMBER_BLOCKS)
                .where(MEMBER_BLOCKS.BLOCKER_ID.eq(blocker))
                .and(MEMBER_BLOCKS.BLOCKED_ID.eq(blocked))
                .execute();
    }

    boolean blocks(long blocker, long blocked) {
        return dsl.fetchExists(
                MEMBER_BLOCKS, MEMBER_BLOCKS.BLOCKER_ID.eq(blocker).and(MEMBER_BLOCKS.BLOCKED_ID.eq(blocked)));
    }

    Set<Long> blockersOf(long member) {
        return new HashSet<>(dsl.select(MEMBER_BLOCKS.BLOCKER_ID)
                .from(MEMBER_BLOCKS)
                .where(MEMBER_BLOCKS.BLOCKED_ID.eq(member))
                .fetch(r -> r.value1()));
    }

    /**
     * Whom the member blocked and who blocked them, in one query (a page asks for both), read once
     * per read-only page transaction: a member's home asks for it for its feed, its jobs and its
     * works ({@link PageReads}).
     */
    Set<Long> blockedEitherWay(long member) {
        return PageReads.once(
                new BlocksOf(member),
                () -> Set.copyOf(dsl.select(MEMBER_BLOCKS.BLOCKER_ID)
                        .from(MEMBER_BLOCKS)
                        .where(MEMBER_BLOCKS.BLOCKED_ID.eq(member))
                        .union(dsl.select(MEMBER_BLOCKS.BLOCKED_ID)
                                .from(MEMBER_BLOCKS)
                                .where(MEMBER_BLOCKS.BLOCKER_ID.eq(member)))
                        .fetch(r -> r.value1())));
    }

    private record BlocksOf(long member) {}

    List<Long> blockedBy(long member) {
        return dsl.select(MEMBER_BLOCKS.BLOCKED_ID)
                .from(MEMBER_BLOCKS)
                .where(MEMBER_BLOCKS.BLOCKER_ID.eq(member))
                .orderBy(MEMBER_BLOCKS.CREATED_AT.desc())
                .fetch(r -> r.value1());
    }

    void dismiss(long member, long dismissed, LocalDateTime now) {
        dsl.insertInto(SUGGESTION_DISMISSALS)
                .set(SUGGESTION_DISMISSALS.MEMBER_ID, member)
                .set(SUGGESTION_DISMISSALS.DISMISSED_ID, dismissed)
                .set(SUGGESTION_DISMISSALS.CREATED_AT, now)
                .onDuplicateKeyIgnore()
                .execute();
    }

    // ------------------------------------------------------------------ people you may know

    /**
     * Members two steps away from {@code member}, ranked by mutual connections plus shared credits
     * ({@code creditPartners}: member id to number of shared productions, from profiles), without
     * the member's connections, anyone with a pending request either way, anyone blocked either
     * way, and dismissed suggestions. One statement: the friends-of-friends rows are grouped and
     * filtered in the database, only {@code limit} rows come back.
     */
    List<Candidate> suggestions(long member, Map<Long, Integer> creditPartners, int limit) {
        var mine = CONNECTIONS.as("mine");
        var theirs = CONNECTIONS.as("theirs");
        Field<Long> candidate = theirs.OTHER_ID;
        Field<Integer> mutual = DSL.count().as("mutual");
        Field<Integer> shared = sharedCredits(candidate, creditPartners);
        Field<Integer> score = DSL.count().plus(shared);
        List<Candidate> found = new ArrayList<>();
        dsl.select(candidate, mutual, shared.as("shared"))
                .from(mine)
                .join(theirs)
                .on(theirs.MEMBER_ID.eq(mine.OTHER_ID))
                .where(mine.MEMBER_ID.eq(member))
                .and(theirs.OTHER_ID.ne(member))
                .and(theirs.OTHER_ID.notIn(
                        DSL.select(CONNECTIONS.OTHER_ID).from(CONNECTIONS).where(CONNECTIONS.MEMBER_ID.eq(member))))
                .and(theirs.OTHER_ID.notIn(DSL.select(CONNECTION_REQUESTS.RECIPIENT_ID)
                        .from(CONNECTION_REQUESTS)
                        .where(CONNECTION_REQUESTS.REQUESTER_ID.eq(member))))
                .and(theirs.OTHER_ID.notIn(DSL.select(CONNECTION_REQUESTS.REQUESTER_ID)
                        .from(CONNECTION_REQUESTS)
                        .where(CONNECTION_REQUESTS.RECIPIENT_ID.eq(member))))
                .and(theirs.OTHER_ID.notIn(DSL.select(MEMBER_BLOCKS.BLOCKED_ID)
                        .from(MEMBER_BLOCKS)
                        .where(MEMBER_BLOCKS.BLOCKER_ID.eq(member))))
                .and(theirs.OTHER_ID.notIn(DSL.select(MEMBER_BLOCKS.BLOCKER_ID)
                        .from(MEMBER_BLOCKS)
                        .where(MEMBER_BLOCKS.BLOCKED_ID.eq(member))))
                .and(theirs.OTHER_ID.notIn(DSL.select(SUGGESTION_DISMISSALS.DISMISSED_ID)
                        .from(SUGGESTION_DISMISSALS)
                        .where(SUGGESTION_DISMISSALS.MEMBER_ID.eq(member))))
                .groupBy(candidate)
                .orderBy(score.desc(), DSL.count().desc(), candidate.desc())
                .limit(limit)
                .fetch()
                .forEach(r -> found.add(new Candidate(r.value1(), r.value2(), r.value3())));
        return found;
    }

    /**
     * Which of {@code candidates} {@code member} may no longer be offered: connected, with a
     * request either way, blocked either way or dismissed (the same rules as {@link
     * #suggestions}, for a cached ranking). One round trip of primary-key and index lookups.
     */
    Set<Long> noLongerSuggestible(long member, List<Long> candidates) {
        if (candidates.isEmpty()) {
            return Set.of();
        }
        // Asked on every home and suggestions page: jOOQ renders a query afresh on every run (the
        // six-way union with its IN lists was 8-10% of a member's home page's CPU, as a query or
        // as plain SQL), so the SQL is rendered once per number of candidates and run over JDBC.
        String sql = noLongerSuggestibleSql.computeIfAbsent(
                candidates.size(), n -> dsl.render(noLongerSuggestibleQuery(0L, Collections.nCopies(n, 0L))));
        return dsl.connectionResult(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                int i = 1;
                for (int branch = 0; branch < 6; branch++) {
                    // Each branch binds the member, then the candidates (see the query below).
                    statement.setLong(i++, member);
                    for (Long candidate : candidates) {
                        statement.setLong(i++, candidate);
                    }
                }
                Set<Long> gone = new HashSet<>();
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        gone.add(rows.getLong(1));
                    }
                }
                return gone;
            }
        });
    }

    /** Of the candidates, those the member is connected to, asked, was asked by, blocked either way or dismissed. */
    private Select<Record1<Long>> noLongerSuggestibleQuery(long member, List<Long> candidates) {
        return dsl.select(CONNECTIONS.OTHER_ID)
                .from(CONNECTIONS)
                .where(CONNECTIONS.MEMBER_ID.eq(member), CONNECTIONS.OTHER_ID.in(candidates))
                .unionAll(DSL.select(CONNECTION_REQUESTS.RECIPIENT_ID)
                        .from(CONNECTION_REQUESTS)
                        .where(
                                CONNECTION_REQUESTS.REQUESTER_ID.eq(member),
                                CONNECTION_REQUESTS.RECIPIENT_ID.in(candidates)))
                .unionAll(DSL.select(CONNECTION_REQUESTS.REQUESTER_ID)
                        .from(CONNECTION_REQUESTS)
                        .where(
                                CONNECTION_REQUESTS.RECIPIENT_ID.eq(member),
                                CONNECTION_REQUESTS.REQUESTER_ID.in(candidates)))
                .unionAll(DSL.select(MEMBER_BLOCKS.BLOCKED_ID)
                        .from(MEMBER_BLOCKS)
                        .where(MEMBER_BLOCKS.BLOCKER_ID.eq(member), MEMBER_BLOCKS.BLOCKED_ID.in(candidates)))
                .unionAll(DSL.select(MEMBER_BLOCKS.BLOCKER_ID)
                        .from(MEMBER_BLOCKS)
                        .where(MEMBER_BLOCKS.BLOCKED_ID.eq(member), MEMBER_BLOCKS.BLOCKER_ID.in(candidates)))
                .unionAll(DSL.select(SUGGESTION_DISMISSALS.DISMISSED_ID)
                        .from(SUGGESTION_DISMISSALS)
                        .where(
                                SUGGESTION_DISMISSALS.MEMBER_ID.eq(member),
                                SUGGESTION_DISMISSALS.DISMISSED_ID.in(candidates)));
    }

    /** CASE candidate WHEN id THEN shared ... ELSE 0 END, from profiles' credit partners. */
    private static Field<Integer> sharedCredits(Field<Long> candidate, Map<Long, Integer> partners) {
        if (partners.isEmpty()) {
            return DSL.inline(0);
        }
        CaseValueStep<Long> choose = DSL.choose(candidate);
        CaseWhenStep<Long, Integer> when = null;
        for (Map.Entry<Long, Integer> partner : partners.entrySet()) {
            when = when == null
                    ? choose.when(DSL.val(partner.getKey()), DSL.val(partner.getValue()))
                    : when.when(DSL.val(partner.getKey()), DSL.val(partner.getValue()));
        }
        return when.otherwise(DSL.inline(0));
    }
}
