package org.cinely.profiles;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.cinely.accounts.AccountsApi;
import org.cinely.platform.Craft;
import org.cinely.platform.MemberId;
import org.cinely.platform.ProductionType;
import org.cinely.platform.demo.DemoData;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Gives the demo members their crafts, headline, city, bio, availability, day rate and credits
 * ({@code demo/credits.tsv}), after accounts created them. Runs on every start but only touches
 * demo profiles that have no crafts yet.
 */
@Component
@Order(20)
class DemoProfiles implements ApplicationRunner {

    record DemoCredit(String handle, CreditForm.Checked credit) {}

    private static final String[] CURRENCIES = {"EUR", "USD", "GBP", "EUR", "CAD"};

    private final DemoData demo;
    private final AccountsApi accounts;
    private final ProfileNames names;
    private final ProfileRepository repository;
    private final CreditRepository creditRepository;
    private final TransactionTemplate transaction;
    private final Clock clock;

    DemoProfiles(
            DemoData demo,
            AccountsApi accounts,
            ProfileNames names,
            ProfileRepository repository,
            CreditRepository creditRepository,
            PlatformTransactionManager transactions,
            Clock clock) {
        this.demo = demo;
        this.accounts = accounts;
        this.names = names;
        this.repository = repository;
        this.creditRepository = creditRepository;
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!demo.enabled()) {
            return;
        }
        List<DemoCredit> credits = credits();
        List<DemoData.DemoMember> members = demo.members();
        for (int i = 0; i < members.size(); i++) {
            DemoData.DemoMember member = members.get(i);
            int index = i;
            accounts.findByHandle(member.handle()).ifPresent(account -> {
                boolean described = repository
                        .findByHandle(member.handle())
                        .map(profile -> !profile.getCrafts().isEmpty())
                        .orElse(false);
                if (!described) {
                    List<Craft> crafts = member.crafts().stream()
                            .map(slug -> Craft.fromSlug(slug).orElse(Craft.OTHER))
                            .toList();
                    Runnable describe = () -> describe(
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
                    seedDetails(
                            account.id(),
                            details(member, index),
                            credits.stream()
                                    .filter(c -> c.handle().equals(member.handle()))
                                    .map(DemoCredit::credit)
                                    .toList());
                }
            });
        }
    }

    private void describe(
            MemberId memberId,
            String handle,
            String displayName,
            String headline,
            String city,
            String country,
            List<Craft> crafts) {
        transaction.executeWithoutResult(status -> names.ensureProfile(memberId, handle, displayName)
                .describe(headline, city, country, crafts, clock.instant()));
    }

    /** The rest of a demo member's profile and their credits. */
    private void seedDetails(MemberId member, ProfileForm details, List<CreditForm.Checked> demoCredits) {
        transaction.executeWithoutResult(status -> {
            Profile profile = repository.findById(member.value()).orElseThrow();
            profile.update(details, new ArrayList<>(profile.getCrafts()), clock.instant());
            for (CreditForm.Checked c : demoCredits) {
                Credit credit = new Credit(member.value(), clock.instant());
                credit.update(c);
                creditRepository.save(credit);
            }
        });
    }

    /** A plausible bio, availability and rate, varied by the member's place in the list. */
    private ProfileForm details(DemoData.DemoMember member, int index) {
        String availability = switch (index % 4) {
            case 0, 1 -> "available";
            case 2 -> "busy";
            default -> "not-looking";
        };
        String bio = member.headline() + ".\n\nBased in " + member.city() + ", happy to travel for the right project."
                + " Reel and past work: https://vimeo.com/cinely-demo-" + member.handle();
        return new ProfileForm(
                member.displayName(),
                member.handle(),
                member.headline(),
                member.city(),
                member.country(),
                bio,
                member.crafts(),
                availability,
                "busy".equals(availability)
                        ? LocalDate.now(clock).plusWeeks(3 + index % 8).toString()
                        : "",
                index % 3 == 2 ? "" : Integer.toString(250 + (index * 37) % 900),
                CURRENCIES[index % CURRENCIES.length],
                "",
                index % 2 == 0 ? "https://www.imdb.com/find/?q=" + member.handle() : "",
                "",
                "",
                "",
                index % 7 == 3 ? "MEMBERS" : "PUBLIC");
    }

    private static List<DemoCredit> credits() {
        List<DemoCredit> credits = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(
                new ClassPathResource("demo/credits.tsv").getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] cells = line.split("\t", -1);
                credits.add(new DemoCredit(
                        cells[0],
                        new CreditForm.Checked(
                                cells[1],
                                Integer.parseInt(cells[2]),
                                ProductionType.valueOf(cells[3]),
                                Craft.fromSlug(cells[4]).orElse(Craft.OTHER),
                                null)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return credits;
    }

    static MemberId id(long value) {
        return MemberId.of(value);
    }
}
