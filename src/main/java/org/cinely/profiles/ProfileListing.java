package org.cinely.profiles;

import org.cinely.accounts.AccountState;
import org.cinely.accounts.AccountStateChanged;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Takes suspended and banned members out of the directory, suggestions and their public profile
 * page, and puts them back when reinstated. The account stays with accounts; profiles keeps only
 * the "listed" flag its queries filter on.
 */
@Component
class ProfileListing {

    private final ProfileRepository profiles;

    ProfileListing(ProfileRepository profiles) {
        this.profiles = profiles;
    }

    @ApplicationModuleListener
    void on(AccountStateChanged event) {
        profiles.findById(event.memberId().value())
                .ifPresent(profile -> profile.list(event.state() == AccountState.ACTIVE));
    }
}
