package org.cinely.jobs;

import jakarta.validation.Valid;
import java.util.List;
import org.cinely.jobs.JobTypes.Compensation;
import org.cinely.jobs.JobTypes.PayUnit;
import org.cinely.jobs.JobTypes.UnionStatus;
import org.cinely.platform.Craft;
import org.cinely.platform.ProductionType;
import org.cinely.platform.security.CurrentMember;
import org.cinely.platform.web.Flash;
import org.cinely.platform.web.FormErrors;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Posting, editing, closing, reopening, extending and duplicating listings (posters only). */
@Controller
class JobPostingController {

    static final String FORM_VIEW = "jobs/form";

    private final JobPostings jobs;
    private final FormErrors formErrors;

    JobPostingController(JobPostings jobs, FormErrors formErrors) {
        this.jobs = jobs;
        this.formErrors = formErrors;
    }

    @ModelAttribute("formOptions")
    FormOptions formOptions() {
        return new FormOptions(
                Craft.values(), ProductionType.FOR_JOBS, Compensation.values(), PayUnit.values(), UnionStatus.values());
    }

    record FormOptions(
            Craft[] crafts,
            List<ProductionType> productionTypes,
            Compensation[] compensations,
            PayUnit[] payUnits,
            UnionStatus[] unions) {}

    @GetMapping("/jobs/new")
    String showPostForm(@AuthenticationPrincipal CurrentMember member, Model model) {
        MemberPages.require(member);
        return freshForm(model, JobForm.empty(), null);
    }

    @PostMapping("/jobs/new")
    String processPostForm(
            @AuthenticationPrincipal CurrentMember member,
            @Valid @ModelAttribute("jobForm") JobForm form,
            BindingResult result,
            @RequestParam(name = "crafts", required = false) java.util.List<String> crafts,
            Model model,
            RedirectAttributes redirect) {
        MemberPages.require(member);
        model.addAttribute("checkedCrafts", crafts == null ? java.util.List.of() : crafts);
        BindingResult errors = formErrors.complete(form, result, model);
        if (FormErrors.tooLong(errors)) {
            model.addAttribute("editing", null);
            return FORM_VIEW; // as typed, nothing else checked
        }
        if (!member.verified()) {
            errors.reject("job.post.unverified");
            model.addAttribute("editing", null);
            return FORM_VIEW;
        }
        var posted = jobs.post(member.id(), form, errors);
        if (posted.isEmpty()) {
            model.addAttribute("editing", null);
            return FORM_VIEW;
        }
        Flash.success(redirect, "job.posted", posted.get().getTitle());
        return "redirect:/jobs/" + posted.get().getId();
    }

    /** A new listing filled in from one of the poster's own (dates left for them to set). */
    @GetMapping("/jobs/{id:\\d+}/duplicate")
    String showDuplicateForm(@PathVariable long id, @AuthenticationPrincipal CurrentMember member, Model model) {
        MemberPages.require(member);
        model.addAttribute("duplicating", true);
        return freshForm(model, jobs.ownListing(id, member.id()).toForm(false), null);
    }

    @GetMapping("/jobs/{id:\\d+}/edit")
    String showEditForm(@PathVariable long id, @AuthenticationPrincipal CurrentMember member, Model model) {
        MemberPages.require(member);
        return freshForm(model, jobs.ownListing(id, member.id()).toForm(true), id);
    }

    /** The form as first shown: new, duplicated or to edit (the listing's id). */
    private static String freshForm(Model model, JobForm form, Long editing) {
        model.addAttribute("jobForm", form);
        model.addAttribute("checkedCrafts", form.crafts());
        model.addAttribute("editing", editing);
        return FORM_VIEW;
    }

    @PostMapping("/jobs/{id:\\d+}/edit")
    String processEditForm(
            @PathVariable long id,
            @AuthenticationPrincipal CurrentMember member,
            @Valid @ModelAttribute("jobForm") JobForm form,
            BindingResult result,
            @RequestParam(name = "crafts", required = false) java.util.List<String> crafts,
            Model model,
            RedirectAttributes redirect) {
        MemberPages.require(member);
        JobListing listing = jobs.ownListing(id, member.id());
        model.addAttribute("checkedCrafts", crafts == null ? java.util.List.of() : crafts);
        BindingResult errors = formErrors.complete(form, result, model);
        if (FormErrors.tooLong(errors)) {
            model.addAttribute("editing", id);
            return FORM_VIEW; // as typed, nothing else checked
        }
        if (errors.hasErrors()) {
            // Field errors from binding; the cross-field rules still run so all show at once.
            JobRules.check(form, errors, jobs.now(), listing.getExpiresAt());
            model.addAttribute("editing", id);
            return FORM_VIEW;
        }
        if (!jobs.edit(id, member.id(), form, errors)) {
            model.addAttribute("editing", id);
            return FORM_VIEW;
        }
        Flash.success(redirect, "job.updated");
        return "redirect:/jobs/" + id;
    }

    @PostMapping("/jobs/{id:\\d+}/close")
    String close(@PathVariable long id, @AuthenticationPrincipal CurrentMember member, RedirectAttributes redirect) {
        MemberPages.require(member);
        jobs.close(id, member.id());
        Flash.info(redirect, "job.closed");
        return "redirect:/jobs/" + id;
    }

    @PostMapping("/jobs/{id:\\d+}/reopen")
    String reopen(@PathVariable long id, @AuthenticationPrincipal CurrentMember member, RedirectAttributes redirect) {
        MemberPages.require(member);
        if (jobs.reopen(id, member.id())) {
            Flash.success(redirect, "job.reopened");
        } else {
            Flash.error(redirect, "job.reopen.expired");
        }
        return "redirect:/jobs/" + id;
    }

    @PostMapping("/jobs/{id:\\d+}/extend")
    String extend(
            @PathVariable long id,
            @RequestParam(defaultValue = "0") int days,
            @AuthenticationPrincipal CurrentMember member,
            RedirectAttributes redirect) {
        MemberPages.require(member);
        jobs.extend(id, member.id(), days);
        Flash.success(redirect, "job.extended", days);
        return "redirect:/jobs/" + id;
    }
}
