package org.cinely.profiles;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import org.cinely.accounts.AccountsApi;
import org.cinely.accounts.MemberSummary;
import org.cinely.platform.Craft;
import org.cinely.platform.MemberId;
import org.cinely.platform.NotFoundException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.Errors;

/**
 * A member's own profile: reads for the edit forms and the member's edits (every write is keyed by
 * the signed-in member's id, never by an id from the request). Each change publishes {@link
 * ProfileUpdated}.
 */
@Service
class OwnProfile {

    static final int MAX_CREDITS = 200;

    private final ProfileRepository profiles;
    private final CreditRepository credits;
    private final ProfileNames names;
    private final AvatarStore avatars;
    private final AccountsApi accounts;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    OwnProfile(
            ProfileRepository profiles,
            CreditRepository credits,
            ProfileNames names,
            AvatarStore avatars,
            AccountsApi accounts,
            ApplicationEventPublisher events,
            Clock clock) {
        this.profiles = profiles;
        this.credits = credits;
        this.names = names;
        this.avatars = avatars;
        this.accounts = accounts;
        this.events = events;
        this.clock = clock;
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }

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
        names.rename(profile, account.get().handle(), account.get().displayName());
        profile.update(form, crafts, clock.instant());
        events.publishEvent(new ProfileUpdated(member, profile.getHandle()));
        return true;
    }

    /**
     * The details and the photo in one transaction (the settings page sends them as one form, so
     * choosing a photo never loses what was typed): both are saved, or with any problem neither.
     * {@code avatar} is the photo made by {@link AvatarImages#toAvatar} before the transaction
     * (null: unchanged); {@code removeAvatar} takes the current one away.
     */
    @Transactional
    boolean update(MemberId member, ProfileForm form, Errors errors, byte[] avatar, boolean removeAvatar) {
        if (!update(member, form, errors)) {
            return false;
        }
        if (avatar != null) {
            changeAvatar(member, avatar);
        } else if (removeAvatar) {
            removeAvatar(member);
        }
        return true;
    }

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
        credit.update(checked.get());
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
        credit.update(checked.get());
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

    /** Records that the member was active now (the directory's "recently active" order). */
    @Transactional
    void touch(MemberId member) {
        profiles.touch(member.value(), clock.instant());
    }
}
