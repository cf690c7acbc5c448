package org.cinely.feed;

import static org.cinely.feed.jooq.Tables.FEED_ACTIVITIES;
import static org.cinely.feed.jooq.Tables.FEED_TIMELINE;
import static org.cinely.feed.jooq.Tables.LIVE_EVENTS;
import static org.cinely.feed.jooq.Tables.NOTIFICATIONS;
import static org.cinely.feed.jooq.Tables.NOTIFICATION_DIGESTS;
import static org.cinely.feed.jooq.Tables.NOTIFICATION_MAIL;
import static org.cinely.feed.jooq.Tables.NOTIFICATION_PREFERENCES;

import org.cinely.platform.MemberId;
import org.cinely.platform.account.MemberData;
import org.cinely.platform.account.MemberDataArchive;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The feed's part of erasing a member: their timeline, notifications, e-mail settings and live
 * events, and what others were told about them (the activities they did, notifications naming
 * them as the actor, with the mail still waiting for those). Nothing to export: the feed only
 * repeats what the other modules' parts already hold.
 */
@Component
class FeedMemberData implements MemberData {

    private final org.jooq.DSLContext dsl;
    private final FirstPageCache firstPages;

    FeedMemberData(org.jooq.DSLContext dsl, FirstPageCache firstPages) {
        this.dsl = dsl;
        this.firstPages = firstPages;
    }

    @Override
    public int order() {
        return 5;
    }

    @Override
    public void export(MemberId member, MemberDataArchive archive) {
        // nothing of its own (see the class comment)
    }

    @Override
    @Transactional
    public void erase(MemberId member) {
        // Their entries leave every timeline they were in.
        firstPages.forgetAll();
        long me = member.value();
        var aboutOrFor = NOTIFICATIONS.RECIPIENT_ID.eq(me).or(NOTIFICATIONS.ACTOR_ID.eq(me));
        dsl.deleteFrom(NOTIFICATION_MAIL)
                .where(NOTIFICATION_MAIL.RECIPIENT_ID.eq(me))
                .or(NOTIFICATION_MAIL.NOTIFICATION_ID.in(
                        dsl.select(NOTIFICATIONS.ID).from(NOTIFICATIONS).where(aboutOrFor)))
                .execute();
        dsl.deleteFrom(NOTIFICATIONS).where(aboutOrFor).execute();
        var theirs = FEED_ACTIVITIES.ACTOR_ID.eq(me).or(FEED_ACTIVITIES.OTHER_MEMBER_ID.eq(me));
        dsl.deleteFrom(FEED_TIMELINE)
                .where(FEED_TIMELINE.MEMBER_ID.eq(me))
                .or(FEED_TIMELINE.ACTIVITY_ID.in(
                        dsl.select(FEED_ACTIVITIES.ID).from(FEED_ACTIVITIES).where(theirs)))
                .execute();
        dsl.deleteFrom(FEED_ACTIVITIES).where(theirs).execute();
        dsl.deleteFrom(NOTIFICATION_PREFERENCES)
                .where(NOTIFICATION_PREFERENCES.MEMBER_ID.eq(me))
                .execute();
        dsl.deleteFrom(NOTIFICATION_DIGESTS)
                .where(NOTIFICATION_DIGESTS.MEMBER_ID.eq(me))
                .execute();
        dsl.deleteFrom(LIVE_EVENTS).where(LIVE_EVENTS.MEMBER_ID.eq(me)).execute();
    }
}
