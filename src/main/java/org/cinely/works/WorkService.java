package org.cinely.works;

import java.time.Clock;
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
import org.cinely.media.MediaApi;
import org.cinely.media.MediaBecamePlayable;
import org.cinely.media.MediaProgressed;
import org.cinely.media.MediaRejected;
import org.cinely.media.MediaState;
import org.cinely.media.TranscodeFailed;
import org.cinely.media.UploadTargets;
import org.cinely.platform.Craft;
import org.cinely.platform.MemberId;
import org.cinely.platform.NotFoundException;
import org.cinely.platform.ProductionType;
import org.cinely.platform.moderation.ContentKind;
import org.cinely.platform.moderation.ReviewPolicy;
import org.cinely.platform.security.CurrentMember;
import org.cinely.platform.web.FormErrors;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.Errors;

/**
 * Works: their details and credits, finding them for a viewer by the works' rule ({@link
 * WorkVisibility}), and what happens as their video moves on.
 */
@Service
class WorkService implements UploadTargets {

    private static final Pattern CREDIT_LINE = Pattern.compile("^@?([A-Za-z0-9_.-]{2,30})\\s*[,:;-]?\\s*(.+)$");

    private final WorkRepository works;
    private final WorkExtras extras;
    private final AccountsApi accounts;
    private final MediaApi media;
    private final ConnectionChecker connections;
    private final WorkVisibility visibility;
    private final WorkStandings standings;
    private final ObjectProvider<ReviewPolicy> reviewPolicy;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    WorkService(
            WorkRepository works,
            WorkExtras extras,
            AccountsApi accounts,
            MediaApi media,
            ConnectionChecker connections,
            WorkVisibility visibility,
            WorkStandings standings,
            ObjectProvider<ReviewPolicy> reviewPolicy,
            ApplicationEventPublisher events,
            Clock clock) {
        this.works = works;
        this.extras = extras;
        this.accounts = accounts;
        this.media = media;
        this.connections = connections;
        this.visibility = visibility;
        this.standings = standings;
        this.reviewPolicy = reviewPolicy;
        this.events = events;
        this.clock = clock;
    }

    Work find(long id) {
        return works.findById(id).orElseThrow(() -> new NotFoundException("work"));
    }

    /** The work if this viewer may see it by the works' rule; otherwise it does not exist for them (404). */
    Work findVisible(long id, CurrentMember viewer) {
        return findVisible(id, viewer, false);
    }

    /**
     * As {@link #findVisible}, for opening the work (its page, its player): a moderator who sees
     * it only by their role is recorded in the moderation log.
     */
    Work open(long id, CurrentMember viewer) {
        return findVisible(id, viewer, true);
    }

    private Work findVisible(long id, CurrentMember viewer, boolean opening) {
        Work work = find(id);
        VisibilityRule.Viewer who = visibility.viewer(viewer, List.of(work.getOwner()));
        if (!WorkVisibility.canView(who, work)) {
            throw new NotFoundException("work");
        }
        if (opening) {
            visibility.noteModeratorOpened(who, work);
        }
        return work;
    }

    /** The owner's work, unless moderators removed it (then it is theirs alone, kept as evidence). */
    Work findOwned(long id, CurrentMember member) {
        Work work = find(id);
        if (member == null
                || !work.ownedBy(member.id())
                || !work.getModerationState().visibleToAuthor()) {
            throw new NotFoundException("work");
        }
        return work;
    }

    @Transactional
    Optional<Work> create(MemberId owner, WorkForm form, Errors errors) {
        if (FormErrors.tooLong(errors)) {
            return Optional.empty(); // nothing parsed or looked up
        }
        rejectUnofferedType(form, errors);
        List<ParsedCredit> credits = parseCredits(form.credits(), errors);
        rejectBlockedCredits(owner, credits, errors);
        if (errors.hasErrors()) {
            return Optional.empty();
        }
        Work work = new Work(owner, standings.of(owner), clock.instant());
        work.describe(form, clock.instant());
        works.save(work);
        ReviewPolicy policy = reviewPolicy.getIfAvailable();
        if (policy != null && policy.holdsForReview(owner, ContentKind.WORK)) {
            work.holdForReview();
            works.save(work); // publishes ContentHeldForReview in this transaction
        }
        saveCredits(work, owner, credits);
        return Optional.of(work);
    }

    @Transactional
    boolean update(Work work, MemberId owner, WorkForm form, Errors errors) {
        if (FormErrors.tooLong(errors)) {
            return false; // nothing parsed or looked up
        }
        rejectUnofferedType(form, errors);
        List<ParsedCredit> credits = parseCredits(form.credits(), errors);
        rejectBlockedCredits(owner, credits, errors);
        if (errors.hasErrors()) {
            return false;
        }
        work.describe(form, clock.instant());
        works.save(work);
        saveCredits(work, owner, credits);
        return true;
    }

    @Transactional
    void delete(Work work) {
        if (work.getMediaAssetId() != null) {
            media.delete(work.getMediaAssetId());
        }
        works.delete(work);
        events.publishEvent(new WorkDeleted(work.getId(), work.getOwner()));
    }

    record ParsedCredit(MemberId member, Craft craft) {}

    /** A kind of production the form does not offer (such as a job's "student"): a forged post. */
    private static void rejectUnofferedType(WorkForm form, Errors errors) {
        if (form.type() != null && !ProductionType.FOR_WORKS.contains(form.type())) {
            errors.rejectValue("type", "work.field.type.required");
        }
    }

    /** A member who blocked the owner, or whom the owner blocked, cannot be credited by them. */
    private void rejectBlockedCredits(MemberId owner, List<ParsedCredit> credits, Errors errors) {
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
    private List<ParsedCredit> parseCredits(String text, Errors errors) {
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

    private void saveCredits(Work work, MemberId owner, List<ParsedCredit> credits) {
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

    String creditsText(long workId) {
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

    // Uploads attach to works ("work:<id>").

    @Override
    public boolean supports(String target) {
        return target.startsWith("work:");
    }

    @Override
    public boolean mayUpload(MemberId member, String target) {
        return workOf(target)
                .filter(work -> work.ownedBy(member))
                .filter(work -> work.getMediaAssetId() == null || replaceable(work.getMediaAssetId()))
                .isPresent();
    }

    /** A video that never made it (still uploading, refused, failed) can be replaced by a new one. */
    private boolean replaceable(long assetId) {
        return media.status(assetId)
                .map(status -> status.state() == MediaState.UPLOADING
                        || status.state() == MediaState.REJECTED
                        || status.state() == MediaState.FAILED)
                .orElse(true);
    }

    @Override
    @Transactional
    public void uploadStarted(String target, long assetId) {
        Work work = workOf(target).orElseThrow(() -> new NotFoundException("work"));
        Long previous = work.getMediaAssetId();
        work.attach(assetId, clock.instant());
        works.save(work);
        if (previous != null) {
            media.delete(previous);
        }
    }

    private Optional<Work> workOf(String target) {
        try {
            return works.findById(Long.parseLong(target.substring("work:".length())));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    // What media tells us about a work's video.

    @ApplicationModuleListener
    void on(MediaBecamePlayable event) {
        works.findByMediaAssetId(event.assetId()).ifPresent(work -> {
            work.becamePlayable(clock.instant());
            works.save(work); // publishes WorkPublished the first time
        });
    }

    /** Passed on at once (not through the registry: a missed step only delays a progress bar). */
    @EventListener
    void on(MediaProgressed event) {
        if (supports(event.target())) {
            workOf(event.target())
                    .ifPresent(work -> events.publishEvent(new WorkTranscodeProgressed(
                            work.getId(), work.getOwner(), event.state().name(), event.percent())));
        }
    }

    @ApplicationModuleListener
    void on(TranscodeFailed event) {
        works.findByMediaAssetId(event.assetId())
                .ifPresent(work ->
                        events.publishEvent(new WorkTranscodeFailed(work.getId(), work.getOwner(), event.reasonKey())));
    }

    @ApplicationModuleListener
    void on(MediaRejected event) {
        works.findByMediaAssetId(event.assetId())
                .ifPresent(work ->
                        events.publishEvent(new WorkTranscodeFailed(work.getId(), work.getOwner(), event.reasonKey())));
    }
}
