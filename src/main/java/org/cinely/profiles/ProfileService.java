package org.cinely.profiles;

import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.cinely.accounts.AccountsApi;
import org.cinely.accounts.MemberRenamed;
import org.cinely.accounts.MemberSignedUp;
import org.cinely.accounts.MemberSummary;
import org.cinely.platform.Craft;
import org.cinely.platform.MemberId;
import org.cinely.platform.NotFoundException;
import org.cinely.platform.search.SearchPage;
import org.cinely.platform.text.Links;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Page;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.Errors;

/**
 * The profiles module's facade: creates profiles for new members, reads cards and profile pages,
 * and applies a member's own edits (every write is keyed by the signed-in member's id, never by an
 * id from the request).
 */
@Service
public class ProfileService {

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
    private final PreviousHandleRepository previousHandles;
    private final DirectoryQueries queries;
    private final AvatarStore avatars;
    private final ObjectProvider<MemberRelations> relations;
    private final AccountsApi accounts;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ProfileService(
            ProfileRepository profiles,
            CreditRepository credits,
            PreviousHandleRepository previousHandles,
            DirectoryQueries queries,
            AvatarStore avatars,
            ObjectProvider<MemberRelations> relations,
            AccountsApi accounts,
            ApplicationEventPublisher events,
            Clock clock) {
        this.profiles = profiles;
        this.credits = credits;
        this.previousHandles = previousHandles;
        this.queries = queries;
        this.avatars = avatars;
        this.relations = relations;
        this.accounts = accounts;
        this.events = events;
        this.clock = clock;
    }

    /** Every account gets a profile; idempotent, so a redelivered event changes nothing. */
    @ApplicationModuleListener
    void on(MemberSignedUp event) {
        ensureProfile(event.memberId(), event.handle(), event.displayName());
    }

    /**
     * A rename made through {@link AccountsApi} by anyone (the profile form below applies its own
     * at once, so this then finds the copy up to date). Only the rename that follows from the copy
     * held is applied, so a late or repeated event changes nothing.
     */
    @ApplicationModuleListener
    void on(MemberRenamed event) {
        profiles.findById(event.memberId().value())
                .filter(profile -> profile.getHandle().equals(event.previousHandle()))
                .ifPresent(profile -> rename(profile, event.handle(), event.displayName()));
    }

    /** The copy takes the account's new name and handle; the old handle keeps leading here. */
    private void rename(Profile profile, String handle, String displayName) {
        String previous = profile.getHandle();
        if (previous.equals(handle) && profile.getDisplayName().equals(displayName)) {
            return;
        }
        profile.rename(displayName, handle, clock.instant());
        if (!previous.equals(handle)) {
            previousHandles.forget(handle);
            previousHandles
                    .findById(previous)
                    .ifPresentOrElse(
                            old -> old.givenUpBy(profile.getMemberId(), clock.instant()),
                            () -> previousHandles.save(
                                    new PreviousHandle(previous, profile.getMemberId(), clock.instant())));
        }
        // Now, so that a handle another profile still holds fails here (and rolls back) at once.
        profiles.flush();
    }

    /**
     * Where a handle a member gave up leads: their current handle. Empty when the handle was never
     * anyone's, or when a profile has it now (a live handle always wins).
     */
    @Transactional(readOnly = true)
    Optional<String> renamedFrom(String oldHandle) {
        String handle = oldHandle.toLowerCase(Locale.ROOT);
        if (profiles.existsByHandle(handle)) {
            return Optional.empty();
        }
        return previousHandles
                .findById(handle)
                .flatMap(previous -> profiles.findById(previous.getMemberId()))
                .map(Profile::getHandle);
    }

    @Transactional
    Profile ensureProfile(MemberId memberId, String handle, String displayName) {
        return profiles.findById(memberId.value())
                .orElseGet(() -> profiles.save(new Profile(memberId.value(), handle, displayName, clock.instant())));
    }

    @Transactional
    void describe(
            MemberId memberId,
            String handle,
            String displayName,
            String headline,
            String city,
            String country,
            List<Craft> crafts) {
        ensureProfile(memberId, handle, displayName).describe(headline, city, country, crafts, clock.instant());
    }

    LocalDate today() {
        return LocalDate.now(clock);
    }

    private MemberRelations relations() {
        return relations.getIfAvailable(() -> NO_RELATIONS);
    }

    // ---------------------------------------------------------------- reads for other modules

    @Transactional(readOnly = true)
    public Optional<ProfileCard> findByHandle(String handle) {
        return profiles.findByHandle(handle).map(p -> ProfileCard.of(p, today()));
    }

    @Transactional(readOnly = true)
    public Optional<MemberId> memberIdOf(String handle) {
        return profiles.findByHandle(handle).map(p -> MemberId.of(p.getMemberId()));
    }

    /** The newest members, as an anonymous visitor may see them. */
    @Transactional(readOnly = true)
    public Page<ProfileCard> newest(Optional<Craft> craft, int page, int size) {
        DirectorySearch search = new DirectorySearch(null, craft.orElse(null), null, null, Math.max(0, page));
        return queries.search(search, true, Set.of(), today(), size);
    }

    /**
     * Cards of the members who are listed (not suspended or banned), for lists that recommend
     * people, such as suggestions; keyed by member.
     */
    @Transactional(readOnly = true)
    public Map<MemberId, ProfileCard> listedCards(Collection<MemberId> members) {
        return cards(members, true);
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

    // ---------------------------------------------------------------- directory and profile page

    @Transactional(readOnly = true)
    SearchPage<ProfileCard> search(DirectorySearch search, MemberId viewer, int pageSize) {
        Set<Long> hidden = viewer == null ? Set.of() : relations().blockersOf(viewer);
        return queries.search(search, viewer == null, hidden, today(), pageSize);
    }

    /** The profile page of the member with this handle now; empty if nobody has it. */
    @Transactional(readOnly = true)
    Optional<ProfilePage> page(String handle, MemberId viewer, boolean staff) {
        return profiles.findByHandle(handle).map(profile -> page(profile, viewer, staff));
    }

    private ProfilePage page(Profile profile, MemberId viewer, boolean staff) {
        MemberId owner = MemberId.of(profile.getMemberId());
        if (unlistedFor(profile, viewer, staff)) {
            throw new NotFoundException("unlisted member " + profile.getHandle());
        }
        ProfileCard card = ProfileCard.of(profile, today());
        MemberRelations.Relation relation = relations().between(viewer, owner);
        boolean isOwner = viewer != null && viewer.equals(owner);
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
                    List.of());
        }
        List<ProfilePage.CreditView> creditViews =
                credits.findByMemberIdOrderByReleaseYearDescIdDesc(profile.getMemberId()).stream()
                        .map(ProfilePage.CreditView::of)
                        .toList();
        List<ProfileCard> mutual =
                new ArrayList<>(cards(relation.mutualSample()).values());
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
                mutual);
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

    /** Suspended or banned: gone for everyone but the member and the moderators (page and avatar). */
    private static boolean unlistedFor(Profile profile, MemberId viewer, boolean staff) {
        return !profile.isListed()
                && !staff
                && !MemberId.of(profile.getMemberId()).equals(viewer);
    }

    /** The avatar of a member, if the viewer may see it. */
    @Transactional(readOnly = true)
    Optional<AvatarStore.StoredAvatar> avatar(String handle, MemberId viewer, boolean staff) {
        Optional<Profile> profile = profiles.findByHandle(handle);
        if (profile.isEmpty() || profile.get().getAvatarVersion() == null) {
            return Optional.empty();
        }
        Profile p = profile.get();
        if (unlistedFor(p, viewer, staff)) {
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

    // ---------------------------------------------------------------- the member's own edits

    @Transactional(readOnly = true)
    Profile own(MemberId member) {
        return profiles.findById(member.value()).orElseThrow(() -> new NotFoundException("profile " + member));
    }

    /** The member's profile as the edit form shows it. */
    @Transactional(readOnly = true)
    ProfileForm ownForm(MemberId member) {
        return ProfileForm.of(own(member));
    }

    @Transactional(readOnly = true)
    ProfileCard ownCard(MemberId member) {
        return ProfileCard.of(own(member), today());
    }

    /** The member's credits, newest first (for other modules, e.g. an applicant's credits). */
    @Transactional(readOnly = true)
    public List<ProfileCredit> creditsOf(MemberId member) {
        return credits.findByMemberIdOrderByReleaseYearDescIdDesc(member.value()).stream()
                .map(ProfilePage.CreditView::of)
                .map(view -> new ProfileCredit(view.title(), view.year(), view.type(), view.role()))
                .toList();
    }

    @Transactional(readOnly = true)
    List<ProfilePage.CreditView> ownCredits(MemberId member) {
        return credits.findByMemberIdOrderByReleaseYearDescIdDesc(member.value()).stream()
                .map(ProfilePage.CreditView::of)
                .toList();
    }

    /**
     * Applies the form if every rule holds; otherwise leaves field errors and changes nothing. The
     * display name and handle belong to the account: accounts checks them (with the rules of sign-up,
     * uniqueness included) in the same pass, so the form shows every problem at once, and renames
     * the account in this same transaction; the profile's copy follows at once.
     *
     * @throws org.springframework.dao.DataIntegrityViolationException when another member took the
     *     handle at the same moment (nothing is changed)
     */
    @Transactional
    boolean update(MemberId member, ProfileForm form, Errors errors) {
        List<Craft> crafts = ProfilePolicy.check(form, today(), errors);
        Optional<MemberSummary> account = accounts.rename(member, form.displayName(), form.handle(), errors);
        if (errors.hasErrors() || account.isEmpty()) {
            return false;
        }
        Profile profile = own(member);
        rename(profile, account.get().handle(), account.get().displayName());
        profile.update(form, crafts, clock.instant());
        events.publishEvent(new ProfileUpdated(member, profile.getHandle()));
        return true;
    }

    static final int MAX_CREDITS = 200;

    @Transactional
    boolean addCredit(MemberId member, CreditForm form, Errors errors) {
        if (credits.countByMemberId(member.value()) >= MAX_CREDITS) {
            errors.reject("credit.form.too-many", new Object[] {MAX_CREDITS}, null);
        }
        Optional<CreditForm.Checked> checked = form.check(today(), errors);
        if (checked.isEmpty() || errors.hasErrors()) {
            return false;
        }
        Profile profile = own(member);
        Credit credit = new Credit(member.value(), clock.instant());
        apply(credit, checked.get());
        credits.save(credit);
        events.publishEvent(new ProfileUpdated(member, profile.getHandle()));
        return true;
    }

    /** The credit, if it belongs to this member; anyone else's id is "not found". */
    @Transactional(readOnly = true)
    CreditForm creditForm(MemberId member, long creditId) {
        return credits.findByIdAndMemberId(creditId, member.value())
                .map(CreditForm::of)
                .orElseThrow(() -> new NotFoundException("credit " + creditId));
    }

    @Transactional
    boolean updateCredit(MemberId member, long creditId, CreditForm form, Errors errors) {
        Credit credit = credits.findByIdAndMemberId(creditId, member.value())
                .orElseThrow(() -> new NotFoundException("credit " + creditId));
        Optional<CreditForm.Checked> checked = form.check(today(), errors);
        if (checked.isEmpty()) {
            return false;
        }
        apply(credit, checked.get());
        events.publishEvent(new ProfileUpdated(member, own(member).getHandle()));
        return true;
    }

    @Transactional
    void deleteCredit(MemberId member, long creditId) {
        Credit credit = credits.findByIdAndMemberId(creditId, member.value())
                .orElseThrow(() -> new NotFoundException("credit " + creditId));
        credits.delete(credit);
        events.publishEvent(new ProfileUpdated(member, own(member).getHandle()));
    }

    private static void apply(Credit credit, CreditForm.Checked c) {
        credit.update(c.title(), c.year(), c.type(), c.craft(), c.workId());
    }

    /**
     * Stores a new avatar, made by {@link AvatarImages#toAvatar} before this transaction starts
     * (a decode may wait its turn; it does so without holding a database connection).
     */
    @Transactional
    void changeAvatar(MemberId member, byte[] jpeg) {
        Profile profile = own(member);
        avatars.put(member.value(), jpeg, LocalDateTime.now(clock));
        profile.changeAvatar(clock.millis(), clock.instant());
        events.publishEvent(new ProfileUpdated(member, profile.getHandle()));
    }

    @Transactional
    void removeAvatar(MemberId member) {
        Profile profile = own(member);
        avatars.delete(member.value());
        profile.changeAvatar(null, clock.instant());
        events.publishEvent(new ProfileUpdated(member, profile.getHandle()));
    }

    /** Demo seed only: the rest of a demo member's profile and their credits. */
    @Transactional
    void seedDemoDetails(MemberId member, ProfileForm details, List<CreditForm.Checked> demoCredits) {
        Profile profile = own(member);
        List<Craft> crafts = new ArrayList<>(profile.getCrafts());
        profile.update(details, crafts, clock.instant());
        for (CreditForm.Checked c : demoCredits) {
            Credit credit = new Credit(member.value(), clock.instant());
            apply(credit, c);
            credits.save(credit);
        }
    }

    /** Records that the member was active now (the directory's "recently active" order). */
    @Transactional
    void touch(MemberId member) {
        profiles.touch(member.value(), clock.instant());
    }

    static LocalDateTime utc(java.time.Instant instant) {
        return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
