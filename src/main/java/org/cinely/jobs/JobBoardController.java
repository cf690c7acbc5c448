package org.cinely.jobs;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.cinely.accounts.AccountsApi;
import org.cinely.accounts.MemberSummary;
import org.cinely.jobs.JobTypes.ApplicationStatus;
import org.cinely.jobs.JobTypes.UnionStatus;
import org.cinely.platform.Craft;
import org.cinely.platform.MemberId;
import org.cinely.platform.NotFoundException;
import org.cinely.platform.ProductionType;
import org.cinely.platform.moderation.ContentKind;
import org.cinely.platform.moderation.ContentRef;
import org.cinely.platform.moderation.ModeratorOpenings;
import org.cinely.platform.security.CurrentMember;
import org.cinely.platform.web.Flash;
import org.cinely.platform.web.PageLinks;
import org.cinely.platform.web.PageSlice;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The board, a listing's page, applying and withdrawing, and a member's own lists. */
@Controller
class JobBoardController {

    static final int PAGE_SIZE = 20;
    static final int MY_PAGE_SIZE = 50;

    private final JobPostings jobs;
    private final JobApplications applications;
    private final JobSearchQueries search;
    private final ApplicationQueries applicationQueries;
    private final ApplicantPortfolio portfolio;
    private final AccountsApi accounts;
    private final ListingAccess access;
    private final ModeratorOpenings moderatorViews;

    JobBoardController(
            JobPostings jobs,
            JobApplications applications,
            JobSearchQueries search,
            ApplicationQueries applicationQueries,
            ApplicantPortfolio portfolio,
            AccountsApi accounts,
            ListingAccess access,
            ModeratorOpenings moderatorViews) {
        this.access = access;
        this.moderatorViews = moderatorViews;
        this.jobs = jobs;
        this.applications = applications;
        this.search = search;
        this.applicationQueries = applicationQueries;
        this.portfolio = portfolio;
        this.accounts = accounts;
    }

    @GetMapping("/jobs")
    String showBoard(
            @RequestParam MultiValueMap<String, String> params,
            @RequestParam(defaultValue = "0") String page,
            Model model) {
        JobSearch criteria = JobSearch.from(params);
        int pageNumber = parsePage(page);
        model.addAttribute("search", criteria);
        model.addAttribute("query", criteria.toQueryString());
        JobSearchQueries.Page result = search.search(criteria, jobs.now(), pageNumber, PAGE_SIZE);
        model.addAttribute("result", result);
        model.addAttribute(
                "didYouMean",
                search.didYouMean(criteria, result, jobs.now())
                        .map(corrected -> new DidYouMean(corrected.q(), "/jobs?" + corrected.toQueryString()))
                        .orElse(null));
        model.addAttribute("crafts", Craft.values());
        model.addAttribute("unions", List.of(UnionStatus.UNION, UnionStatus.NON_UNION));
        model.addAttribute("postedWithin", JobSearch.POSTED_WITHIN);
        model.addAttribute("sorts", JobSearch.Sort.values());
        return "jobs/board";
    }

    @GetMapping("/jobs/{id:\\d+}")
    String showJob(@PathVariable long id, @AuthenticationPrincipal CurrentMember member, Model model) {
        JobListing listing = access.require(jobs.listing(id), member);
        if (access.seenOnlyAsModerator(listing, member)) {
            moderatorViews.opened(member.id(), new ContentRef(ContentKind.JOB, id));
        }
        MemberId me = member == null ? null : member.id();
        model.addAttribute("form", ApplyForm.empty());
        model.addAttribute("chosenWorks", java.util.List.of());
        return jobPage(listing, member, me, model);
    }

    private String jobPage(JobListing listing, CurrentMember member, MemberId me, Model model) {
        MemberSummary poster = accounts.findMember(listing.getPoster()).orElse(null);
        model.addAttribute(
                "job",
                JobView.of(
                        listing,
                        jobs.now(),
                        poster == null ? null : poster.handle(),
                        poster == null ? listing.getCompany() : poster.displayName()));
        boolean own = listing.isPostedBy(me);
        model.addAttribute("own", own);
        model.addAttribute("moderationNotice", own ? moderationNotice(listing) : null);
        if (own) {
            model.addAttribute(
                    "applicantTotal",
                    applicationQueries.countsByStatus(listing.getId()).values().stream()
                            .mapToInt(Integer::intValue)
                            .sum());
        }
        var application = applications
                .applicationOf(listing.getId(), me)
                .filter(a -> a.getStatus() != ApplicationStatus.WITHDRAWN);
        model.addAttribute("myApplication", application.map(MyApplication::of).orElse(null));
        model.addAttribute(
                "withdrawn",
                applications
                        .applicationOf(listing.getId(), me)
                        .map(a -> a.getStatus() == ApplicationStatus.WITHDRAWN)
                        .orElse(false));
        model.addAttribute(
                "refusal",
                applications
                        .whyNotApply(listing, me, member != null && member.verified())
                        .orElse(null));
        if (member != null && !own) {
            model.addAttribute("works", portfolio.shareableWorks(me));
            model.addAttribute("credits", portfolio.credits(me));
        }
        return "jobs/detail";
    }

    @PostMapping("/jobs/{id:\\d+}/apply")
    String processApplyForm(
            @PathVariable long id,
            @AuthenticationPrincipal CurrentMember member,
            @Valid @ModelAttribute("form") ApplyForm form,
            BindingResult result,
            @RequestParam(name = "workIds", required = false) List<String> workIds,
            Model model,
            RedirectAttributes redirect) {
        MemberPages.require(member);
        model.addAttribute("chosenWorks", workIds == null ? List.of() : workIds);
        if (form != null && !result.hasErrors()) {
            var applied = applications.apply(id, member.id(), member.verified(), form, result);
            if (applied.isPresent()) {
                Flash.success(redirect, "application.sent");
                return "redirect:/jobs/" + id;
            }
            if (result.hasGlobalErrors()) {
                // Refused outright (closed, own listing, applied already): the page says why.
                Flash.error(redirect, result.getGlobalError().getCode());
                return "redirect:/jobs/" + id;
            }
        }
        return jobPage(access.require(jobs.listing(id), member), member, member.id(), model);
    }

    /** Asks first (a page, so it works without JavaScript); nothing changes on a GET. */
    @GetMapping("/jobs/{id:\\d+}/withdraw")
    String showWithdrawForm(@PathVariable long id, @AuthenticationPrincipal CurrentMember member, Model model) {
        MemberPages.require(member);
        JobApplication application = applications
                .applicationOf(id, member.id())
                .filter(JobApplication::withdrawable)
                .orElseThrow(() -> new NotFoundException("application to " + id));
        model.addAttribute("jobId", application.getJobId());
        model.addAttribute("jobTitle", jobs.listing(id).getTitle());
        model.addAttribute("undoDays", JobApplications.UNDO_WITHDRAWAL.toDays());
        return "jobs/withdraw";
    }

    @PostMapping("/jobs/{id:\\d+}/withdraw")
    String withdraw(@PathVariable long id, @AuthenticationPrincipal CurrentMember member, RedirectAttributes redirect) {
        MemberPages.require(member);
        if (applications.withdraw(id, member.id())) {
            Flash.undoable(redirect, "/jobs/" + id + "/withdraw/undo", "application.withdrawn");
        } else {
            Flash.error(redirect, "application.withdraw.decided");
        }
        return "redirect:/jobs/" + id;
    }

    /** The undo of a withdrawal: the same application back, as it was sent. */
    @PostMapping("/jobs/{id:\\d+}/withdraw/undo")
    String undoWithdraw(
            @PathVariable long id, @AuthenticationPrincipal CurrentMember member, RedirectAttributes redirect) {
        MemberPages.require(member);
        Optional<String> refusal = applications.undoWithdraw(id, member.id(), member.verified());
        if (refusal.isPresent()) {
            Flash.error(redirect, refusal.get());
        } else {
            Flash.success(redirect, "application.restored");
        }
        return "redirect:/jobs/" + id;
    }

    @GetMapping("/jobs/applications")
    String showMyApplications(
            @AuthenticationPrincipal CurrentMember member,
            @RequestParam(defaultValue = "0") int page,
            HttpServletRequest request,
            Model model) {
        MemberPages.require(member);
        PageSlice<ApplicationQueries.MyApplicationRow> applications =
                applicationQueries.applicationsBy(member.id().value(), jobs.now(), page, MY_PAGE_SIZE);
        model.addAttribute("applications", applications.items());
        model.addAttribute("pager", PageLinks.of(request, applications));
        return "jobs/my-applications";
    }

    @GetMapping("/jobs/mine")
    String showMyListings(
            @AuthenticationPrincipal CurrentMember member,
            @RequestParam(defaultValue = "0") int page,
            HttpServletRequest request,
            Model model) {
        MemberPages.require(member);
        PageSlice<JobCard> listings = search.postedBy(member.id().value(), jobs.now(), page, MY_PAGE_SIZE);
        Map<Long, Integer> counts = applicationQueries.applicantCounts(
                listings.items().stream().map(JobCard::id).toList());
        model.addAttribute("listings", listings.items());
        model.addAttribute("counts", counts);
        model.addAttribute("pager", PageLinks.of(request, listings));
        return "jobs/my-listings";
    }

    static int parsePage(String page) {
        try {
            return Math.max(0, Math.min(Integer.parseInt(page), 500));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** A correction of the words that finds something, and the link that runs it. */
    record DidYouMean(String q, String link) {}

    /** The applicant's own view of their application. */
    record MyApplication(
            long id, ApplicationStatus status, String coverNote, boolean withdrawable, java.time.Instant appliedAt) {

        static MyApplication of(JobApplication application) {
            return new MyApplication(
                    application.getId(),
                    application.getStatus(),
                    application.getCoverNote(),
                    application.withdrawable(),
                    application.getCreatedAt());
        }
    }

    /** Listed for forms: every production type. */
    @ModelAttribute("productionTypes")
    List<ProductionType> productionTypes() {
        return ProductionType.FOR_JOBS;
    }

    /** What the poster is told when their listing reaches fewer people than they think. */
    private static String moderationNotice(JobListing listing) {
        return switch (listing.getModerationState()) {
            case HELD -> "job.moderation.held";
            case HIDDEN, REMOVED -> "job.moderation.hidden";
            case VISIBLE -> listing.getPosterStanding().limitsReach() ? "job.moderation.limited" : null;
        };
    }
}
