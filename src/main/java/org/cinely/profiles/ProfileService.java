package org.cinely.profiles;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.cinely.accounts.MemberSignedUp;
import org.cinely.platform.MemberId;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Creates profiles for new members and reads them for the directory and profile pages. */
@Service
public class ProfileService {

    private final ProfileRepository profiles;
    private final Clock clock;

    ProfileService(ProfileRepository profiles, Clock clock) {
        this.profiles = profiles;
        this.clock = clock;
    }

    /** Every account gets a profile; idempotent, so a redelivered event changes nothing. */
    @ApplicationModuleListener
    void on(MemberSignedUp event) {
        ensureProfile(event.memberId(), event.handle(), event.displayName());
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

    @Transactional(readOnly = true)
    public Optional<ProfileCard> findByHandle(String handle) {
        return profiles.findByHandle(handle).map(ProfileCard::of);
    }

    @Transactional(readOnly = true)
    public Page<ProfileCard> newest(Optional<Craft> craft, int page, int size) {
        PageRequest request = PageRequest.of(Math.max(0, page), size);
        Page<Profile> found =
                craft.isPresent() ? profiles.findNewestWithCraft(craft.get(), request) : profiles.findNewest(request);
        return found.map(ProfileCard::of);
    }
}
