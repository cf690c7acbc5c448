package org.cinely.jobs;

import java.util.List;
import java.util.Optional;
import org.cinely.accounts.AccountsApi;
import org.cinely.platform.MemberId;
import org.cinely.profiles.ProfileService;
import org.springframework.stereotype.Component;

/**
 * The applicant's portfolio as far as the modules that exist today know it: name, headline,
 * location and crafts from their profile. The works module and profile credits are being built in
 * parallel; until they are wired in here, an applicant has no works to attach and no credits to
 * show, and the pages say so instead of pretending.
 */
@Component
class ProfileApplicantPortfolio implements ApplicantPortfolio {

    private final AccountsApi accounts;
    private final ProfileService profiles;

    ProfileApplicantPortfolio(AccountsApi accounts, ProfileService profiles) {
        this.accounts = accounts;
        this.profiles = profiles;
    }

    @Override
    public Optional<Applicant> applicant(MemberId member) {
        return accounts.findMember(member)
                .map(summary -> profiles.findByHandle(summary.handle())
                        .map(card -> new Applicant(
                                member,
                                card.handle(),
                                card.displayName(),
                                card.headline(),
                                card.location(),
                                card.crafts()))
                        .orElseGet(() ->
                                new Applicant(member, summary.handle(), summary.displayName(), null, null, List.of())));
    }

    @Override
    public List<Work> shareableWorks(MemberId member) {
        return List.of(); // wired to org.cinely.works when it lands
    }

    @Override
    public List<Work> works(MemberId member, List<Long> workIds) {
        return List.of(); // wired to org.cinely.works when it lands
    }

    @Override
    public List<Credit> credits(MemberId member) {
        return List.of(); // wired to profile credits when they land
    }
}
