package org.cinely.profiles;

import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.cinely.platform.MemberId;
import org.cinely.platform.NotFoundException;
import org.cinely.platform.moderation.ContentKind;
import org.cinely.platform.moderation.ContentRef;
import org.cinely.platform.moderation.ModeratorOpenings;
import org.cinely.platform.search.SearchPage;
import org.cinely.platform.text.Links;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What a viewer sees of other members: the directory, profile pages and avatars, each cut to what
 * this viewer may see (anonymous, blocked, suspended members, members-only profiles).
 */
@Service
class ProfilePages {

    /** Without the connections module (module tests), nobody stands in any relation. */
    private static final MemberRelations NO_RELATIONS = new MemberRelations() {
        @Override
        public Relation between(MemberId viewer, MemberId member) {
            return Relation.none(0);
        }

        @Override
        public Set<Long> blockersOf(MemberId viewer) {
            return Set.of();
        }
    };

    private final ProfileRepository profiles;
    private final CreditRepository credits;
    private final DirectoryQueries queries;
    private final AvatarStore avatars;
    private final ObjectProvider<MemberRelations> relations;
    private final ProfilesApi api;
    private final ModeratorOpenings moderatorViews;
    private final Clock clock;

    ProfilePages(
            ProfileRepository profiles,
            CreditRepository credits,
            DirectoryQueries queries,
            AvatarStore avatars,
            ObjectProvider<MemberRelations> relations,
            ProfilesApi api,
            ModeratorOpenings moderatorViews,
            Clock clock) {
        this.moderatorViews = moderatorViews;
        this.profiles = profiles;
        this.credits = credits;
        this.queries = queries;
        this.avatars = avatars;
        this.relations = relations;
        this.api = api;
        this.clock = clock;
    }

    private MemberRelations relations() {
        return relations.getIfAvailable(() -> NO_RELATIONS);
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }

    @Transactional(readOnly = true)
    SearchPage<ProfileCard> search(DirectorySearch search, MemberId viewer, int pageSize) {
        Set<Long> hidden = viewer == null ? Set.of() : relations().blockersOf(viewer);
        return queries.search(search, viewer == null, hidden, today(), pageSize);
    }

    /**
     * For a search whose words found no one: the same search with the nearest spelling of its
     * unknown words that finds someone this viewer may see ("Did you mean gaffer?"); at most
     * {@link org.cinely.platform.search.Spelling#MAX_CORRECTIONS} searches, and none unless the
     * first page came back empty.
     */
    @Transactional(readOnly = true)
    Optional<DirectorySearch> didYouMean(DirectorySearch search, SearchPage<ProfileCard> found, MemberId viewer) {
        if (found.getTotalElements() > 0 || search.q() == null || search.page() > 0) {
            return Optional.empty();
        }
        Set<Long> hidden = viewer == null ? Set.of() : relations().blockersOf(viewer);
        return queries.spelling()
                .firstThatFinds(
                        search.q(),
                        q -> queries.search(search.withQ(q), viewer == null, hidden, today(), 1)
                                .hasContent())
                .map(search::withQ);
    }

    /** The profile page of the member with this handle now; empty if nobody has it. */
    @Transactional(readOnly = true)
    Optional<ProfilePage> page(String handle, MemberId viewer, boolean staff) {
        return profiles.findByHandle(handle).map(profile -> page(profile, viewer, staff));
    }

    private ProfilePage page(Profile profile, MemberId viewer, boolean staff) {
        MemberId owner = MemberId.of(profile.getMemberId());
        MemberRelations.Relation relation = relations().between(viewer, owner);
        boolean connected = relation.state() == MemberRelations.State.CONNECTED;
        if (!profile.visibleTo(viewer, staff, connected)) {
            throw new NotFoundException("unlisted member " + profile.getHandle());
        }
        boolean isOwner = viewer != null && viewer.equals(owner);
        if (staff && !isOwner && !profile.visibleTo(viewer, false, connected)) {
            // Seen only because of the role: the audit log records it.
            moderatorViews.opened(viewer, new ContentRef(ContentKind.PROFILE, owner.value()));
        }
        ProfileCard card = ProfileCard.of(profile, today());
        boolean limited = !isOwner
                && ((viewer == null && profile.getVisibility() == Visibility.MEMBERS)
                        || relation.state() == MemberRelations.State.BLOCKED_VIEWER);
        if (limited) {
            return new ProfilePage(
                    card.limited(),
                    true,
                    false,
                    List.of(),
                    null,
                    null,
                    List.of(),
                    profile.getVisibility(),
                    List.of(),
                    relation,
                    List.of(),
                    null);
        }
        List<ProfilePage.CreditView> creditViews =
                credits.findByMemberIdOrderByReleaseYearDescIdDesc(profile.getMemberId()).stream()
                        .map(ProfilePage.CreditView::of)
                        .toList();
        List<ProfileCard> mutual =
                new ArrayList<>(api.cards(relation.mutualSample()).values());
        return new ProfilePage(
                card,
                false,
                isOwner,
                Links.split(profile.getBio()),
                profile.getDayRate(),
                profile.getDayRateCurrency(),
                links(profile),
                profile.getVisibility(),
                creditViews,
                relation,
                mutual,
                isOwner ? notice(profile) : null);
    }

    /** What the member is told about their own profile when others are kept from it. */
    private static String notice(Profile profile) {
        if (!profile.restricted()) {
            return null;
        }
        if (profile.getStanding() == org.cinely.platform.moderation.Standing.LIMITED
                && profile.getModerationState().reachesOthers()) {
            return "profile.moderation.limited";
        }
        return "profile.moderation.hidden";
    }

    private static List<ProfilePage.Link> links(Profile p) {
        List<ProfilePage.Link> links = new ArrayList<>();
        addLink(links, "profile.link.website", p.getWebsiteUrl());
        addLink(links, "profile.link.imdb", p.getImdbUrl());
        addLink(links, "profile.link.vimeo", p.getVimeoUrl());
        addLink(links, "profile.link.youtube", p.getYoutubeUrl());
        addLink(links, "profile.link.instagram", p.getInstagramUrl());
        return links;
    }

    private static void addLink(List<ProfilePage.Link> links, String labelKey, String url) {
        Optional<URI> uri = LinkPolicy.parse(url);
        uri.ifPresent(u -> links.add(new ProfilePage.Link(
                labelKey, u.toString(), u.getHost() + (u.getRawPath() == null ? "" : u.getRawPath()))));
    }

    /** The avatar of a member, if the viewer may see it. */
    @Transactional(readOnly = true)
    Optional<AvatarStore.StoredAvatar> avatar(String handle, MemberId viewer, boolean staff, String version) {
        Optional<Profile> profile = profiles.findByHandle(handle);
        if (profile.isEmpty() || profile.get().getAvatarVersion() == null) {
            return Optional.empty();
        }
        if (version != null && !version.equals(String.valueOf(profile.get().getAvatarVersion()))) {
            // An old URL (a newer upload, or the profile stopped reaching everyone): a cache keyed
            // on it must not keep serving a hidden member's face.
            return Optional.empty();
        }
        Profile p = profile.get();
        boolean connected = viewer != null
                && relations().between(viewer, MemberId.of(p.getMemberId())).state() == MemberRelations.State.CONNECTED;
        if (!p.visibleTo(viewer, staff, connected)) {
            return Optional.empty();
        }
        if (viewer == null && p.getVisibility() == Visibility.MEMBERS) {
            return Optional.empty();
        }
        if (viewer != null
                && !viewer.equals(MemberId.of(p.getMemberId()))
                && relations().blockersOf(viewer).contains(p.getMemberId())) {
            return Optional.empty();
        }
        return avatars.get(p.getMemberId());
    }

    @Transactional(readOnly = true)
    boolean isPublic(String handle) {
        return profiles.findByHandle(handle)
                .map(p -> p.getVisibility() == Visibility.PUBLIC)
                .orElse(false);
    }
}
