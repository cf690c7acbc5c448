package org.cinely.profiles;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.cinely.platform.MemberId;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.data.domain.Page;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What other modules may ask of profiles: cards of members (one or many, listed only or all), a
 * member's id by handle, the newest members, search among a set of members, credits and credit
 * partners. Read-only; a profile changes only through its owner's forms and the account events.
 */
@Service
public class ProfilesApi {

    private final ProfileRepository profiles;
    private final CreditRepository credits;
    private final DirectoryQueries queries;
    private final ObjectProvider<MemberRelations> relations;
    private final Clock clock;
    private final RecentlyActiveCache recentlyActive;

    ProfilesApi(
            ProfileRepository profiles,
            CreditRepository credits,
            DirectoryQueries queries,
            ObjectProvider<MemberRelations> relations,
            Clock clock,
            RecentlyActiveCache recentlyActive) {
        this.recentlyActive = recentlyActive;
        this.relations = relations;
        this.profiles = profiles;
        this.credits = credits;
        this.queries = queries;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public Optional<ProfileCard> findByHandle(String handle) {
        return profiles.findByHandle(handle).map(p -> ProfileCard.of(p, today()));
    }

    @Transactional(readOnly = true)
    public Optional<MemberId> memberIdOf(String handle) {
        return profiles.findByHandle(handle).map(p -> MemberId.of(p.getMemberId()));
    }

    /**
     * The most recently active members, as an anonymous visitor may see them, leaving out {@code
     * viewer} (a member is not shown to themself as someone to discover).
     */
    @Transactional(readOnly = true)
    public List<ProfileCard> recentlyActive(Optional<MemberId> viewer, int size) {
        // One list for everyone, one longer than shown, the viewer taken out here.
        List<ProfileCard> kept = recentlyActive.get(size + 1, n -> queries.mostRecentlyActive(n, today()));
        return kept.stream()
                .filter(card ->
                        viewer.isEmpty() || card.memberId() != viewer.get().value())
                .limit(size)
                .toList();
    }

    /**
     * Cards of the members who are listed (not suspended or banned), for lists that recommend
     * people, such as suggestions; keyed by member.
     */
    @Transactional(readOnly = true)
    public Map<MemberId, ProfileCard> listedCards(Collection<MemberId> members) {
        return cards(members, true);
    }

    /**
     * Cards of the members this viewer may see now by the profile rule ({@link Profile#visibleTo}):
     * the listed ones, and limited members the viewer is connected to (their content still reaches
     * their connections, in the feed too). For the feed and notifications, which show people.
     */
    @Transactional(readOnly = true)
    public Map<MemberId, ProfileCard> visibleCards(MemberId viewer, Collection<MemberId> members) {
        MemberRelations graph = relations.getIfAvailable();
        Map<MemberId, ProfileCard> visible = new LinkedHashMap<>();
        queries.visibleCards(
                        members.stream().map(MemberId::value).distinct().toList(),
                        viewer,
                        today(),
                        member -> graph != null
                                && viewer != null
                                && graph.between(viewer, MemberId.of(member)).state()
                                        == MemberRelations.State.CONNECTED)
                .forEach((id, card) -> visible.put(MemberId.of(id), card));
        return visible;
    }

    /** Cards of several members in one go, keyed by member. */
    @Transactional(readOnly = true)
    public Map<MemberId, ProfileCard> cards(Collection<MemberId> members) {
        return cards(members, false);
    }

    private Map<MemberId, ProfileCard> cards(Collection<MemberId> members, boolean listedOnly) {
        Map<MemberId, ProfileCard> cards = new LinkedHashMap<>();
        queries.cards(members.stream().map(MemberId::value).toList(), today(), listedOnly)
                .forEach((id, card) -> cards.put(MemberId.of(id), card));
        return cards;
    }

    /** A page of the given members (such as one's connections) matching words, by name. */
    @Transactional(readOnly = true)
    public Page<ProfileCard> among(Collection<MemberId> members, String q, int page, int size) {
        return queries.among(members.stream().map(MemberId::value).toList(), q, Math.max(0, page), size, today());
    }

    /** Members who share a credit (same production and year) with this one, and how many. */
    @Transactional(readOnly = true)
    public Map<Long, Integer> creditPartners(MemberId member, int limit) {
        return queries.creditPartners(member.value(), limit);
    }

    /** The member's credits, newest first (e.g. an applicant's credits). */
    @Transactional(readOnly = true)
    public List<ProfileCredit> creditsOf(MemberId member) {
        return credits.findByMemberIdOrderByReleaseYearDescIdDesc(member.value()).stream()
                .map(ProfilePage.CreditView::of)
                .map(view -> new ProfileCredit(view.title(), view.year(), view.type(), view.role()))
                .toList();
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }
}
