package org.cinely.works;

import static org.cinely.works.jooq.Tables.WORKS;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import org.cinely.platform.MemberId;
import org.cinely.platform.moderation.ModerationState;
import org.cinely.platform.moderation.Standing;
import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.impl.DSL;

/**
 * The one rule for who may see a work, and the one for a comment. The work rule is written twice:
 * as a Java predicate (for rows already read, such as the page's work or the feed's batch) and as
 * a jOOQ condition (for lists read straight from the table: browse, a member's works, credits);
 * {@code VisibilityRuleIntegrationTests} checks that the two agree on every combination. Comments
 * are always read a work's worth or a feed page's worth at a time, so their rule is a predicate
 * only. Pure functions: {@link WorkVisibility} finds out whom the viewer is connected to and
 * blocked by.
 *
 * <p>A work: its author always (unless removed) and moderators always; nobody blocked either way;
 * others only while it is {@link ModerationState#VISIBLE}, its author's standing does not hide
 * their content, and as the author chose, where a limited author's public work reaches only their
 * connections. A comment: its author (unless removed) and moderators; others while it is visible
 * and its author's standing does not hide it, a limited author's only to their connections.
 */
final class VisibilityRule {

    /**
     * Who is looking: the member ({@code null} for a visitor), whether a moderator, and among the
     * authors in question those they are connected to and those blocked either way.
     */
    record Viewer(MemberId id, boolean moderator, Set<MemberId> connected, Set<MemberId> blocked) {

        /** A visitor, and what anyone may see (browse, credits on a profile). */
        static final Viewer EVERYONE = new Viewer(null, false, Set.of(), Set.of());

        /** The same member without their moderator role (what their role alone lets them see). */
        Viewer asMember() {
            return new Viewer(id, false, connected, blocked);
        }

        private boolean is(MemberId author) {
            return author.equals(id);
        }
    }

    private VisibilityRule() {}

    static boolean work(
            Viewer viewer, MemberId owner, Visibility visibility, ModerationState state, Standing standing) {
        if (viewer.moderator()) {
            return true;
        }
        if (viewer.is(owner)) {
            return state.visibleToAuthor();
        }
        if (viewer.blocked().contains(owner) || !state.reachesOthers() || standing.hidesContent()) {
            return false;
        }
        Visibility reach =
                standing.limitsReach() && visibility == Visibility.PUBLIC ? Visibility.CONNECTIONS : visibility;
        return switch (reach) {
            case PUBLIC -> true;
            case CONNECTIONS -> viewer.connected().contains(owner);
            case PRIVATE -> false;
        };
    }

    /**
     * {@link #work} as a condition on {@code works}. A work in its owner's trash is nobody's to
     * see, moderators' included (the Java side never meets one: {@code WorkService.find} and
     * {@code WorkQueries.audiences} leave them out).
     */
    static Condition work(Viewer viewer) {
        return WORKS.DELETED_AT.isNull().and(shared(viewer));
    }

    private static Condition shared(Viewer viewer) {
        if (viewer.moderator()) {
            return DSL.trueCondition();
        }
        Condition others = WORKS.MODERATION_STATE
                .in(names(ModerationState.values(), ModerationState::reachesOthers))
                .and(WORKS.AUTHOR_STANDING.notIn(names(Standing.values(), Standing::hidesContent)))
                .and(WORKS.VISIBILITY
                        .eq(Visibility.PUBLIC.name())
                        .and(WORKS.AUTHOR_STANDING.notIn(names(Standing.values(), Standing::limitsReach)))
                        .or(in(WORKS.OWNER_ID, viewer.connected())
                                .and(WORKS.VISIBILITY.in(Visibility.PUBLIC.name(), Visibility.CONNECTIONS.name()))));
        if (!viewer.blocked().isEmpty()) {
            others = others.and(in(WORKS.OWNER_ID, viewer.blocked()).not());
        }
        return viewer.id() == null
                ? others
                : WORKS.OWNER_ID
                        .eq(viewer.id().value())
                        .and(WORKS.MODERATION_STATE.in(
                                names(ModerationState.values(), ModerationState::visibleToAuthor)))
                        .or(others);
    }

    static boolean comment(Viewer viewer, MemberId author, ModerationState state, Standing standing) {
        if (viewer.moderator()) {
            return true;
        }
        if (viewer.is(author)) {
            return state.visibleToAuthor();
        }
        if (!state.reachesOthers() || standing.hidesContent()) {
            return false;
        }
        return !standing.limitsReach() || viewer.connected().contains(author);
    }

    private static Condition in(Field<Long> member, Set<MemberId> members) {
        return members.isEmpty()
                ? DSL.falseCondition()
                : member.in(members.stream().map(MemberId::value).toList());
    }

    private static <E extends Enum<E>> List<String> names(E[] values, Predicate<E> which) {
        return Arrays.stream(values).filter(which).map(Enum::name).toList();
    }
}
