package org.cinely.profiles;

import java.time.Clock;
import java.util.Locale;
import java.util.Optional;
import org.cinely.accounts.AccountsApi;
import org.cinely.accounts.MemberRenamed;
import org.cinely.accounts.MemberSignedUp;
import org.cinely.platform.MemberId;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeps each profile's copy of its account's name and handle: creates the profile when the account
 * is made, follows renames, and remembers given-up handles so that old links still lead to the
 * member. The listeners are idempotent: a redelivered or late event changes nothing.
 */
@Service
class ProfileNames {

    private final ProfileRepository profiles;
    private final PreviousHandleRepository previousHandles;
    private final Clock clock;

    ProfileNames(ProfileRepository profiles, PreviousHandleRepository previousHandles, Clock clock) {
        this.profiles = profiles;
        this.previousHandles = previousHandles;
        this.clock = clock;
    }

    /** Every account gets a profile. */
    @ApplicationModuleListener
    void on(MemberSignedUp event) {
        ensureProfile(event.memberId(), event.handle(), event.displayName());
    }

    /**
     * A rename made through {@link AccountsApi} by anyone (the profile form applies its own at once,
     * so this then finds the copy up to date). Only the rename that follows from the copy held is
     * applied, so a late or repeated event changes nothing.
     */
    @ApplicationModuleListener
    void on(MemberRenamed event) {
        profiles.findById(event.memberId().value())
                .filter(profile -> profile.getHandle().equals(event.previousHandle()))
                .ifPresent(profile -> rename(profile, event.handle(), event.displayName()));
    }

    @Transactional
    Profile ensureProfile(MemberId memberId, String handle, String displayName) {
        return profiles.findById(memberId.value())
                .orElseGet(() -> profiles.save(new Profile(memberId.value(), handle, displayName, clock.instant())));
    }

    /** The copy takes the account's new name and handle; the old handle keeps leading here. */
    void rename(Profile profile, String handle, String displayName) {
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
}
