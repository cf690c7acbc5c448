package org.cinely.jobs;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.cinely.accounts.AccountsApi;
import org.cinely.platform.MemberId;
import org.cinely.profiles.ProfilesApi;
import org.cinely.works.WorkCard;
import org.cinely.works.WorksApi;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * The applicant's portfolio from the modules that own it: name, headline, location, crafts and
 * credits from their profile; the works they share publicly (and only those) from works.
 */
@Component
class ProfileApplicantPortfolio implements ApplicantPortfolio {

    private final AccountsApi accounts;
    private final ProfilesApi profiles;
    private final WorksApi works;
    private final MessageSource messages;

    ProfileApplicantPortfolio(AccountsApi accounts, ProfilesApi profiles, WorksApi works, MessageSource messages) {
        this.accounts = accounts;
        this.profiles = profiles;
        this.works = works;
        this.messages = messages;
    }

    /**
     * A member whose profile others may not see (hidden by moderators, suspended, limited) shows as
     * "profile unavailable", with nothing from the profile: the application must not leak it.
     */
    @Override
    public Optional<Applicant> applicant(MemberId member) {
        if (!listed(member)) {
            return accounts.findMember(member)
                    .map(summary -> new Applicant(
                            member,
                            summary.handle(),
                            messages.getMessage("applicant.unavailable", null, LocaleContextHolder.getLocale()),
                            null,
                            null,
                            List.of()));
        }
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

    /**
     * Public, playable works only: an application must not expose a private or connections-only
     * work. All of them, however many: the picker offers every work the member may attach.
     */
    @Override
    public List<Work> shareableWorks(MemberId member) {
        return works.everyoneMayWatchOf(member).stream()
                .map(ProfileApplicantPortfolio::work)
                .toList();
    }

    @Override
    public List<Work> works(MemberId member, List<Long> workIds) {
        Map<Long, Work> shareable = works.everyoneMayWatchAmong(member, workIds).stream()
                .map(ProfileApplicantPortfolio::work)
                .collect(Collectors.toMap(Work::id, Function.identity()));
        return workIds.stream()
                .distinct()
                .map(shareable::get)
                .filter(Objects::nonNull)
                .toList();
    }

    private boolean listed(MemberId member) {
        return profiles.listedCards(List.of(member)).containsKey(member);
    }

    @Override
    public List<Credit> credits(MemberId member) {
        if (!listed(member)) {
            return List.of();
        }
        return profiles.creditsOf(member).stream()
                .map(credit -> new Credit(
                        credit.title(),
                        messages.getMessage(credit.role().messageKey(), null, LocaleContextHolder.getLocale()),
                        credit.year()))
                .toList();
    }

    private static Work work(WorkCard card) {
        String base = "/works/" + card.id();
        return new Work(
                card.id(),
                card.title(),
                base,
                card.playlistUrl(),
                card.hasPoster() ? card.posterUrl() : null,
                "application/vnd.apple.mpegurl");
    }
}
