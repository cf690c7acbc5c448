package org.cinely.jobs;

import java.util.List;
import org.cinely.jobs.ApplicationQueries.ApplicantSort;
import org.cinely.jobs.JobTypes.ApplicationStatus;
import org.cinely.platform.Craft;
import org.cinely.platform.NotFoundException;
import org.cinely.platform.security.CurrentMember;
import org.cinely.platform.web.Flash;
import org.cinely.platform.web.PageLinks;
import org.cinely.platform.web.PageSlice;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The poster's applicant pipeline. Every handler first loads the listing as the poster's own
 * (404 for anyone else), and every application is looked up within that listing.
 */
@Controller
class ApplicantsController {

    static final int MAX_NOTE = 4000;
    static final int PAGE_SIZE = 50;

    private final JobPostings jobs;
    private final JobApplications applications;
    private final ApplicationQueries queries;
    private final ApplicantPortfolio portfolio;

    ApplicantsController(
            JobPostings jobs, JobApplications applications, ApplicationQueries queries, ApplicantPortfolio portfolio) {
        this.jobs = jobs;
        this.applications = applications;
        this.queries = queries;
        this.portfolio = portfolio;
    }

    @GetMapping("/jobs/{id:\\d+}/applicants")
    String showApplicants(
            @PathVariable long id,
            @RequestParam(required = false) String status,
            @RequestParam(required = false) String craft,
            @RequestParam(defaultValue = "false") boolean reel,
            @RequestParam(required = false) String sort,
            @RequestParam(defaultValue = "0") int page,
            @AuthenticationPrincipal CurrentMember member,
            jakarta.servlet.http.HttpServletRequest request,
            Model model) {
        MemberPages.require(member);
        JobListing listing = jobs.ownListing(id, member.id());
        ApplicationStatus selectedStatus = ApplicationStatus.fromSlug(status);
        if (selectedStatus == ApplicationStatus.WITHDRAWN) {
            selectedStatus = null;
        }
        Craft selectedCraft = Craft.fromSlug(craft).orElse(null);
        ApplicantSort selectedSort = ApplicantSort.fromSlug(sort);
        model.addAttribute("job", JobView.of(listing, jobs.now(), member.handle(), member.displayName()));
        PageSlice<ApplicationQueries.ApplicantRow> applicants =
                queries.applicants(id, selectedStatus, selectedCraft, reel, selectedSort, page, PAGE_SIZE);
        model.addAttribute("applicants", applicants.items());
        model.addAttribute("pager", PageLinks.of(request, applicants));
        var counts = queries.countsByStatus(id);
        model.addAttribute("counts", counts);
        model.addAttribute(
                "total", counts.values().stream().mapToInt(Integer::intValue).sum());
        model.addAttribute("back", request.getQueryString() == null ? "" : request.getQueryString());
        model.addAttribute("selectedStatus", selectedStatus);
        model.addAttribute("selectedCraft", selectedCraft);
        model.addAttribute("reel", reel);
        model.addAttribute("selectedSort", selectedSort);
        model.addAttribute("crafts", Craft.values());
        model.addAttribute("sorts", ApplicantSort.values());
        model.addAttribute("decisions", decisions());
        return "jobs/applicants";
    }

    /** Moves the ticked applicants (only those of this listing) to one status. */
    @PostMapping("/jobs/{id:\\d+}/applicants/status")
    String changeStatuses(
            @PathVariable long id,
            @RequestParam(name = "applicationIds", required = false) List<Long> applicationIds,
            @RequestParam String status,
            @RequestParam(required = false) String back,
            @AuthenticationPrincipal CurrentMember member,
            RedirectAttributes redirect) {
        MemberPages.require(member);
        ApplicationStatus to = ApplicationStatus.fromSlug(status);
        int changed = applications.changeStatus(id, applicationIds, to, member.id());
        if (applicationIds == null || applicationIds.isEmpty()) {
            Flash.error(redirect, "applicants.bulk.none");
        } else {
            Flash.success(redirect, "applicants.bulk.done." + to.slug(), changed);
        }
        return "redirect:" + listPath(id, back);
    }

    @GetMapping("/jobs/{id:\\d+}/applicants/{applicationId:\\d+}")
    String showApplicant(
            @PathVariable long id,
            @PathVariable long applicationId,
            @AuthenticationPrincipal CurrentMember member,
            Model model) {
        MemberPages.require(member);
        JobListing listing = jobs.ownListing(id, member.id());
        JobApplication application = applications.applicationForPoster(id, applicationId, member.id());
        model.addAttribute("job", JobView.of(listing, jobs.now(), member.handle(), member.displayName()));
        model.addAttribute("candidate", ApplicantView.of(application));
        model.addAttribute("coverNote", RichText.of(application.getCoverNote()));
        model.addAttribute("works", portfolio.works(application.getApplicant(), application.getWorkIds()));
        model.addAttribute("credits", portfolio.credits(application.getApplicant()));
        model.addAttribute(
                "profile", portfolio.applicant(application.getApplicant()).orElse(null));
        model.addAttribute("decisions", decisions());
        return "jobs/applicant";
    }

    @PostMapping("/jobs/{id:\\d+}/applicants/{applicationId:\\d+}/status")
    String changeStatus(
            @PathVariable long id,
            @PathVariable long applicationId,
            @RequestParam String status,
            @AuthenticationPrincipal CurrentMember member,
            RedirectAttributes redirect) {
        MemberPages.require(member);
        applications.applicationForPoster(id, applicationId, member.id());
        ApplicationStatus to = ApplicationStatus.fromSlug(status);
        applications.changeStatus(id, List.of(applicationId), to, member.id());
        Flash.success(redirect, "applicant.status.changed." + to.slug());
        return "redirect:/jobs/" + id + "/applicants/" + applicationId;
    }

    @PostMapping("/jobs/{id:\\d+}/applicants/{applicationId:\\d+}/note")
    String saveNote(
            @PathVariable long id,
            @PathVariable long applicationId,
            @RequestParam(defaultValue = "") String note,
            @AuthenticationPrincipal CurrentMember member,
            RedirectAttributes redirect) {
        MemberPages.require(member);
        if (note.length() > MAX_NOTE) {
            applications.applicationForPoster(id, applicationId, member.id());
            Flash.error(redirect, "applicant.note.too-long", MAX_NOTE);
        } else {
            applications.notePrivately(id, applicationId, member.id(), note);
            Flash.success(redirect, "applicant.note.saved");
        }
        return "redirect:/jobs/" + id + "/applicants/" + applicationId;
    }

    private static List<ApplicationStatus> decisions() {
        return List.of(
                ApplicationStatus.NEW,
                ApplicationStatus.SHORTLISTED,
                ApplicationStatus.REJECTED,
                ApplicationStatus.HIRED);
    }

    /** Back to the list with its filters, but never anywhere else (no open redirect). */
    static String listPath(long id, String back) {
        String path = "/jobs/" + id + "/applicants";
        if (back == null || back.isBlank() || !back.matches("[A-Za-z0-9=&%+._-]*")) {
            return path;
        }
        return UriComponentsBuilder.fromPath(path).query(back).build().toUriString();
    }

    /** What the poster sees of one application. */
    record ApplicantView(
            long id,
            String handle,
            String name,
            String headline,
            List<Craft> crafts,
            ApplicationStatus status,
            String posterNote,
            java.time.Instant appliedAt) {

        public java.time.LocalDate appliedOn() {
            return appliedAt.atOffset(java.time.ZoneOffset.UTC).toLocalDate();
        }

        static ApplicantView of(JobApplication application) {
            if (application == null) {
                throw new NotFoundException("application");
            }
            return new ApplicantView(
                    application.getId(),
                    application.getApplicantHandle(),
                    application.getApplicantName(),
                    application.getApplicantHeadline(),
                    application.getApplicantCrafts(),
                    application.getStatus(),
                    application.getPosterNote(),
                    application.getCreatedAt());
        }
    }
}
