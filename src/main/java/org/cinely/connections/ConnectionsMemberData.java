package org.cinely.connections;

import static org.cinely.connections.jooq.Tables.CONNECTIONS;
import static org.cinely.connections.jooq.Tables.CONNECTION_REQUESTS;
import static org.cinely.connections.jooq.Tables.MEMBER_BLOCKS;
import static org.cinely.connections.jooq.Tables.SUGGESTION_DISMISSALS;

import java.io.IOException;
import java.time.LocalDateTime;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.cinely.platform.MemberId;
import org.cinely.platform.account.MemberData;
import org.cinely.platform.account.MemberDataArchive;
import org.cinely.profiles.ProfileCard;
import org.cinely.profiles.ProfilesApi;
import org.jooq.DSLContext;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Connections' part of a member's data: their connections, the requests they sent and received,
 * and the members they blocked, each other member named by handle and name. Who blocked them is
 * not theirs to download (it is the other member's choice, and telling it would undo a block's
 * point). Erasure removes every row on either side, others' blocks of them included.
 */
@Component
class ConnectionsMemberData implements MemberData {

    record Person(long memberId, String handle, String displayName) {}

    record Connection(Person member, LocalDateTime since) {}

    record Request(Person member, String note, LocalDateTime sentAt) {}

    record Block(Person member, LocalDateTime since) {}

    record Export(List<Connection> connections, List<Request> sent, List<Request> received, List<Block> blocked) {}

    private final DSLContext dsl;
    private final ProfilesApi profiles;

    ConnectionsMemberData(DSLContext dsl, ProfilesApi profiles) {
        this.dsl = dsl;
        this.profiles = profiles;
    }

    @Override
    public int order() {
        return 20;
    }

    @Override
    @Transactional(readOnly = true)
    public void export(MemberId member, MemberDataArchive archive) throws IOException {
        long me = member.value();
        var connections = dsl.select(CONNECTIONS.OTHER_ID, CONNECTIONS.CREATED_AT)
                .from(CONNECTIONS)
                .where(CONNECTIONS.MEMBER_ID.eq(me))
                .orderBy(CONNECTIONS.CREATED_AT)
                .fetch();
        var sent = dsl.select(
                        CONNECTION_REQUESTS.RECIPIENT_ID, CONNECTION_REQUESTS.NOTE, CONNECTION_REQUESTS.CREATED_AT)
                .from(CONNECTION_REQUESTS)
                .where(CONNECTION_REQUESTS.REQUESTER_ID.eq(me))
                .orderBy(CONNECTION_REQUESTS.ID)
                .fetch();
        var received = dsl.select(
                        CONNECTION_REQUESTS.REQUESTER_ID, CONNECTION_REQUESTS.NOTE, CONNECTION_REQUESTS.CREATED_AT)
                .from(CONNECTION_REQUESTS)
                .where(CONNECTION_REQUESTS.RECIPIENT_ID.eq(me))
                .orderBy(CONNECTION_REQUESTS.ID)
                .fetch();
        var blocked = dsl.select(MEMBER_BLOCKS.BLOCKED_ID, MEMBER_BLOCKS.CREATED_AT)
                .from(MEMBER_BLOCKS)
                .where(MEMBER_BLOCKS.BLOCKER_ID.eq(me))
                .orderBy(MEMBER_BLOCKS.CREATED_AT)
                .fetch();
        Set<MemberId> others = new HashSet<>();
        connections.forEach(r -> others.add(MemberId.of(r.value1())));
        sent.forEach(r -> others.add(MemberId.of(r.value1())));
        received.forEach(r -> others.add(MemberId.of(r.value1())));
        blocked.forEach(r -> others.add(MemberId.of(r.value1())));
        Map<Long, Person> people = new LinkedHashMap<>();
        for (Map.Entry<MemberId, ProfileCard> card : profiles.cards(others).entrySet()) {
            people.put(
                    card.getKey().value(),
                    new Person(
                            card.getKey().value(),
                            card.getValue().handle(),
                            card.getValue().displayName()));
        }
        archive.json(
                "connections/connections.json",
                new Export(
                        connections.map(r -> new Connection(person(people, r.value1()), r.value2())),
                        sent.map(r -> new Request(person(people, r.value1()), r.value2(), r.value3())),
                        received.map(r -> new Request(person(people, r.value1()), r.value2(), r.value3())),
                        blocked.map(r -> new Block(person(people, r.value1()), r.value2()))));
    }

    private static Person person(Map<Long, Person> people, long id) {
        return people.getOrDefault(id, new Person(id, null, null));
    }

    @Override
    @Transactional
    public void erase(MemberId member) {
        long me = member.value();
        dsl.deleteFrom(CONNECTIONS)
                .where(CONNECTIONS.MEMBER_ID.eq(me).or(CONNECTIONS.OTHER_ID.eq(me)))
                .execute();
        dsl.deleteFrom(CONNECTION_REQUESTS)
                .where(CONNECTION_REQUESTS.REQUESTER_ID.eq(me).or(CONNECTION_REQUESTS.RECIPIENT_ID.eq(me)))
                .execute();
        dsl.deleteFrom(MEMBER_BLOCKS)
                .where(MEMBER_BLOCKS.BLOCKER_ID.eq(me).or(MEMBER_BLOCKS.BLOCKED_ID.eq(me)))
                .execute();
        dsl.deleteFrom(SUGGESTION_DISMISSALS)
                .where(SUGGESTION_DISMISSALS.MEMBER_ID.eq(me).or(SUGGESTION_DISMISSALS.DISMISSED_ID.eq(me)))
                .execute();
    }
}
