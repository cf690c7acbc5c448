package org.cinely.works;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.cinely.accounts.AccountsApi;
import org.cinely.accounts.MemberSummary;
import org.cinely.platform.Craft;
import org.cinely.platform.MemberId;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.validation.Errors;

/** A work's credits as its owner types them on the form: parsed, checked, saved and shown again. */
@Component
class WorkCredits {

    private static final Pattern CREDIT_LINE = Pattern.compile("^@?([A-Za-z0-9_.-]{2,30})\\s*[,:;-]?\\s*(.+)$");

    private final WorkExtras extras;
    private final AccountsApi accounts;
    private final ConnectionChecker connections;
    private final ApplicationEventPublisher events;

    WorkCredits(
            WorkExtras extras, AccountsApi accounts, ConnectionChecker connections, ApplicationEventPublisher events) {
        this.extras = extras;
        this.accounts = accounts;
        this.connections = connections;
        this.events = events;
    }

    record ParsedCredit(MemberId member, Craft craft) {}

    /**
     * The credits typed on the form, one "@handle craft" a line; what cannot be credited (an
     * unknown member or craft, a member blocked either way) is rejected on the field.
     */
    List<ParsedCredit> parse(MemberId owner, String text, Errors errors) {
        List<ParsedCredit> credits = parseLines(text, errors);
        rejectBlocked(owner, credits, errors);
        return credits;
    }

    /** A member who blocked the owner, or whom the owner blocked, cannot be credited by them. */
    private void rejectBlocked(MemberId owner, List<ParsedCredit> credits, Errors errors) {
        credits.stream()
                .map(ParsedCredit::member)
                .distinct()
                .filter(member -> !member.equals(owner) && connections.blockedEitherWay(owner, member))
                .findFirst()
                .ifPresent(member -> errors.rejectValue("credits", "work.credits.blocked"));
    }

    /** More credit lines than this are refused before any member is looked up. */
    static final int MAX_CREDIT_LINES = 100;

    /** Each handle is looked up once, however often it is named; the number of lines is capped first. */
    private List<ParsedCredit> parseLines(String text, Errors errors) {
        List<ParsedCredit> parsed = new ArrayList<>();
        if (text == null) {
            return parsed;
        }
        List<String> lines =
                Arrays.stream(text.split("\\R")).filter(line -> !line.isBlank()).toList();
        if (lines.size() > MAX_CREDIT_LINES) {
            errors.rejectValue("credits", "work.credits.too-many", new Object[] {MAX_CREDIT_LINES}, null);
            return parsed;
        }
        Map<String, Optional<MemberSummary>> members = new HashMap<>();
        for (String raw : lines) {
            String line = raw.strip();
            if (line.isEmpty()) {
                continue;
            }
            Matcher matcher = CREDIT_LINE.matcher(line);
            if (!matcher.matches()) {
                errors.rejectValue("credits", "work.credits.format", new Object[] {line}, null);
                continue;
            }
            String craftText = matcher.group(2).strip().toLowerCase(Locale.ROOT).replace(' ', '-');
            Optional<Craft> craft = Craft.fromSlug(craftText);
            Optional<MemberSummary> member = members.computeIfAbsent(matcher.group(1), accounts::findByHandle);
            if (member.isEmpty()) {
                errors.rejectValue("credits", "work.credits.unknown-member", new Object[] {matcher.group(1)}, null);
            } else if (craft.isEmpty()) {
                errors.rejectValue("credits", "work.credits.unknown-craft", new Object[] {matcher.group(2)}, null);
            } else {
                parsed.add(new ParsedCredit(member.get().id(), craft.get()));
            }
        }
        return parsed;
    }

    /** Adds the new credits (announcing each to its member) and removes those no longer listed. */
    void save(Work work, MemberId owner, List<ParsedCredit> credits) {
        List<Long> keep = new ArrayList<>();
        for (ParsedCredit credit : credits) {
            boolean self = credit.member().equals(owner);
            Optional<Long> added = extras.addCredit(
                    work.getId(), credit.member(), credit.craft().slug(), self);
            if (added.isPresent()) {
                keep.add(added.get());
                if (!self) {
                    events.publishEvent(new WorkCreditAdded(
                            work.getId(),
                            added.get(),
                            credit.member(),
                            credit.craft().slug(),
                            owner,
                            work.getTitle()));
                }
            } else {
                extras.creditId(work.getId(), credit.member(), credit.craft().slug())
                        .ifPresent(keep::add);
            }
        }
        extras.removeCreditsNotIn(work.getId(), keep);
    }

    /** The credits as the form shows them again. */
    String text(long workId) {
        Map<MemberId, MemberSummary> members = accounts.findMembers(
                extras.credits(workId).stream().map(WorkExtras.Credit::member).toList());
        StringBuilder text = new StringBuilder();
        for (WorkExtras.Credit credit : extras.credits(workId)) {
            MemberSummary member = members.get(credit.member());
            if (member != null) {
                text.append('@')
                        .append(member.handle())
                        .append(' ')
                        .append(credit.craft())
                        .append('\n');
            }
        }
        return text.toString();
    }
}
