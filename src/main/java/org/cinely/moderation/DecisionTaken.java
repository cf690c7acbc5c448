package org.cinely.moderation;

import org.cinely.platform.MemberId;
import org.cinely.platform.moderation.ContentRef;

/**
 * A moderator (or the system) decided about a member or their content. The feed tells the member
 * in the app and by e-mail, linking to the statement of reasons.
 *
 * @param target the item decided on, or null for a decision about the member
 * @param title what the member knows the item by (a work's title), or null
 * @param link the statement of reasons: a signed link that opens without logging in, since a
 *     suspended member cannot log in but must read it and may appeal
 */
public record DecisionTaken(
        long decisionId, MemberId member, Action action, ContentRef target, String title, String link) {}
