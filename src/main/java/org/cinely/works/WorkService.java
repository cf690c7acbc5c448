package org.cinely.works;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
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
import org.cinely.platform.security.CurrentMember;
import org.cinely.platform.web.FormErrors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.Errors;

/**
 * Works: their details and credits, who may see them, and what happens as their video moves on.
 * Over 300 lines because the visibility rule and the state changes it guards belong together.
 */
@Service
class WorkService implements UploadTargets {

    private static final Pattern CREDIT_LINE = Pattern.compile("^@?([A-Za-z0-9_.-]{2,30})\\s*[,:;-]?\\s*(.+)$");

    private final WorkRepository works;
    private final WorkExtras extras;
    private final AccountsApi accounts;
    private final MediaApi media;
    private final ConnectionChecker connections;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    WorkService(
            WorkRepository works,
            WorkExtras extras,
            AccountsApi accounts,
            MediaApi media,
            ConnectionChecker connections,
            ApplicationEventPublisher events,
            Clock clock) {
        this.works = works;
        this.extras = extras;
        this.accounts = accounts;
        this.media = media;
        this.connections = connections;
        this.events = events;
        this.clock = clock;
    }

    Work find(long id) {
        return works.findById(id).orElseThrow(() -> new NotFoundException("work"));
    }

    /** The work if this viewer may see it; otherwise it does not exist for them (404). */
    Work findVisible(long id, CurrentMember viewer) {
        Work work = find(id);
        if (!canView(work, viewer == null ? null : viewer.id(), viewer != null && viewer.isModerator())) {
            throw new NotFoundException("work");
        }
        return work;
    }

    Work findOwned(long id, CurrentMember member) {
        Work work = find(id);
        if (member == null || !work.ownedBy(member.id())) {
            throw new NotFoundException("work");
        }
        return work;
    }

    boolean canView(Work work, MemberId viewer, boolean moderator) {
        return canView(work.getOwner(), work.getVisibility(), viewer, moderator);
    }

    /**
     * The one rule for who may see a work: its owner and moderators always; nobody blocked
     * either way; then as the owner chose (everyone, connections, nobody else). Pages, lists and
     * the feed ({@link WorksApi#visibleCards}) all ask this.
     */
    boolean canView(MemberId owner, Visibility visibility, MemberId viewer, boolean moderator) {
        return rule(
                owner,
                visibility,
                viewer,
                moderator,
                () -> connections.blockedEitherWay(owner, viewer),
                () -> connections.connected(owner, viewer));
    }

    /**
     * The same rule for many works at once (a list, the feed): the viewer's blocks and connections
     * among the owners are read in one go, not once per work. Returns the ids the viewer may see.
     */
    Set<Long> visibleTo(MemberId viewer, Collection<WorkQueries.Audience> works) {
        Set<MemberId> owners = works.stream().map(WorkQueries.Audience::owner).collect(Collectors.toSet());
        Set<MemberId> blocked = viewer == null ? Set.of() : connections.blockedAmong(viewer, owners);
        Set<MemberId> connected = viewer == null ? Set.of() : connections.connectedAmong(viewer, owners);
        return works.stream()
                .filter(w -> rule(
                        w.owner(),
                        w.visibility(),
                        viewer,
                        false,
                        () -> blocked.contains(w.owner()),
                        () -> connected.contains(w.owner())))
                .map(WorkQueries.Audience::workId)
                .collect(Collectors.toSet());
    }

    private static boolean rule(
            MemberId owner,
            Visibility visibility,
            MemberId viewer,
            boolean moderator,
            BooleanSupplier blockedEitherWay,
            BooleanSupplier connected) {
        if (owner.equals(viewer) || moderator) {
            return true;
        }
        if (viewer != null && blockedEitherWay.getAsBoolean()) {
            return false; // blocked either way: neither sees nor reaches the other's work
        }
        return switch (visibility) {
            case PUBLIC -> true;
            case CONNECTIONS -> viewer != null && connected.getAsBoolean();
            case PRIVATE -> false;
        };
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
        Work work = new Work(owner, clock.instant());
        work.describe(form, clock.instant());
        works.save(work);
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
