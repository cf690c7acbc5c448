package org.cinely.profiles;

import java.util.List;
import org.cinely.accounts.AccountsApi;
import org.cinely.platform.demo.DemoData;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;

/**
 * Gives the demo members their crafts, headline and city, after accounts created them. Runs on
 * every start but only touches demo profiles that have no crafts yet.
 */
@Component
@Order(20)
class DemoProfiles implements ApplicationRunner {

    private final DemoData demo;
    private final AccountsApi accounts;
    private final ProfileService profiles;
    private final ProfileRepository repository;

    DemoProfiles(DemoData demo, AccountsApi accounts, ProfileService profiles, ProfileRepository repository) {
        this.demo = demo;
        this.accounts = accounts;
        this.profiles = profiles;
        this.repository = repository;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!demo.enabled()) {
            return;
        }
        for (DemoData.DemoMember member : demo.members()) {
            accounts.findByHandle(member.handle()).ifPresent(account -> {
                boolean described = repository
                        .findByHandle(member.handle())
                        .map(profile -> !profile.getCrafts().isEmpty())
                        .orElse(false);
                if (!described) {
                    List<Craft> crafts = member.crafts().stream()
                            .map(slug -> Craft.fromSlug(slug).orElse(Craft.OTHER))
                            .toList();
                    Runnable describe = () -> profiles.describe(
                            account.id(),
                            account.handle(),
                            account.displayName(),
                            member.headline(),
                            member.city(),
                            member.country(),
                            crafts);
                    try {
                        describe.run();
                    } catch (DataIntegrityViolationException createdMeanwhile) {
                        // The MemberSignedUp listener created the same profile a moment earlier.
                        describe.run();
                    }
                }
            });
        }
    }
}
