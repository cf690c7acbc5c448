package org.cinely.moderation;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.util.List;
import org.cinely.platform.NotFoundException;
import org.cinely.platform.moderation.ContentKind;
import org.cinely.platform.moderation.ContentRef;
import org.cinely.platform.security.CurrentMember;
import org.cinely.platform.web.Flash;
import org.springframework.dao.DataIntegrityViolationException;
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

/**
 * What members see of moderation: the report form, their reports (and whether each was
 * answered), the decisions about them with their statements of reasons, and the appeal form.
 */
@Controller
class ReportController {

    record ReportForm(
            @NotNull(message = "{report.category.required}") ReportCategory category,

            @Size(max = 1000, message = "{report.note.too-long}")
            String note) {}

    record AppealForm(
            @NotBlank(message = "{appeal.message.required}") @Size(max = 2000, message = "{appeal.message.too-long}")
            String message) {}

    private final Reporting reporting;
    private final ReportRepository reports;
    private final DecisionRepository decisions;
    private final AppealRepository appeals;
    private final Appeals appealing;
    private final StatementLinks links;
    private final Clock clock;

    ReportController(
            Reporting reporting,
            ReportRepository reports,
            DecisionRepository decisions,
            AppealRepository appeals,
            Appeals appealing,
            StatementLinks links,
            Clock clock) {
        this.links = links;
        this.reporting = reporting;
        this.reports = reports;
        this.decisions = decisions;
        this.appeals = appeals;
        this.appealing = appealing;
        this.clock = clock;
    }

    @GetMapping("/report/{kind}/{id}")
    String reportForm(@PathVariable String kind, @PathVariable long id, Model model) {
        model.addAttribute("reportForm", new ReportForm(null, ""));
        return reportPage(target(kind, id), model);
    }

    @PostMapping("/report/{kind}/{id}")
    String report(
            @AuthenticationPrincipal CurrentMember member,
            @PathVariable String kind,
            @PathVariable long id,
            @Valid @ModelAttribute ReportForm reportForm,
            BindingResult result,
            Model model,
            RedirectAttributes redirect) {
        ContentRef target = target(kind, id);
        if (result.hasErrors()) {
            return reportPage(target, model);
        }
        try {
            reporting.report(member.id(), target, reportForm.category(), reportForm.note());
        } catch (Refused refused) {
            result.reject(refused.why().messageKey());
            return reportPage(target, model);
        } catch (DataIntegrityViolationException doubleSubmit) {
            result.reject(Refused.Why.ALREADY_REPORTED.messageKey());
            return reportPage(target, model);
        }
        Flash.success(redirect, "report.filed");
        return "redirect:/moderation/reports";
    }

    @GetMapping("/moderation/reports")
    String myReports(@AuthenticationPrincipal CurrentMember member, Model model) {
        model.addAttribute(
                "reports",
                reports.findByReporterIdOrderByCreatedAtDesc(member.id().value()));
        return "moderation/my-reports";
    }

    @GetMapping("/moderation/decisions")
    String myDecisions(@AuthenticationPrincipal CurrentMember member, Model model) {
        List<Decision> mine = decisions
                .findByMemberIdOrderByDecidedAtDesc(member.id().value())
                .stream()
                .filter(d -> d.getAction() != Action.DISMISS)
                .toList();
        model.addAttribute("decisions", mine);
        return "moderation/my-decisions";
    }

    @GetMapping("/moderation/decisions/{id}")
    String decision(@AuthenticationPrincipal CurrentMember member, @PathVariable long id, Model model) {
        model.addAttribute("appealForm", new AppealForm(""));
        return decisionPage(own(member, id), "/moderation/decisions/" + id, model);
    }

    @PostMapping("/moderation/decisions/{id}/appeal")
    String appeal(
            @AuthenticationPrincipal CurrentMember member,
            @PathVariable long id,
            @Valid @ModelAttribute AppealForm appealForm,
            BindingResult result,
            Model model,
            RedirectAttributes redirect) {
        return appeal(own(member, id), "/moderation/decisions/" + id, appealForm, result, model, redirect);
    }

    /** The same statement by its signed link, for a member who cannot log in (suspended or banned). */
    @GetMapping("/moderation/statement/{id}")
    String statement(@PathVariable long id, @RequestParam(name = "s", required = false) String signature, Model model) {
        model.addAttribute("appealForm", new AppealForm(""));
        return decisionPage(signed(id, signature), links.path(id), model);
    }

    @PostMapping("/moderation/statement/{id}/appeal")
    String appealBySignedLink(
            @PathVariable long id,
            @RequestParam(name = "s", required = false) String signature,
            @Valid @ModelAttribute AppealForm appealForm,
            BindingResult result,
            Model model,
            RedirectAttributes redirect) {
        return appeal(signed(id, signature), links.path(id), appealForm, result, model, redirect);
    }

    private String appeal(
            Decision decision,
            String page,
            AppealForm appealForm,
            BindingResult result,
            Model model,
            RedirectAttributes redirect) {
        if (result.hasErrors()) {
            return decisionPage(decision, page, model);
        }
        try {
            appealing.appeal(decision.member(), decision.getId(), appealForm.message());
        } catch (Refused refused) {
            result.reject(refused.why().messageKey());
            return decisionPage(decision, page, model);
        } catch (DataIntegrityViolationException doubleSubmit) {
            result.reject(Refused.Why.APPEAL_EXISTS.messageKey());
            return decisionPage(decision, page, model);
        }
        Flash.success(redirect, "appeal.filed");
        return "redirect:" + page;
    }

    private Decision own(CurrentMember member, long id) {
        return decisions
                .findById(id)
                .filter(d -> d.member().equals(member.id()) && d.getAction() != Action.DISMISS)
                .orElseThrow(() -> new NotFoundException("decision " + id));
    }

    private Decision signed(long id, String signature) {
        if (!links.valid(id, signature)) {
            throw new NotFoundException("decision " + id);
        }
        return decisions
                .findById(id)
                .filter(d -> d.getAction() != Action.DISMISS)
                .orElseThrow(() -> new NotFoundException("decision " + id));
    }

    private String decisionPage(Decision decision, String page, Model model) {
        model.addAttribute("decision", decision);
        // The signed link's query stays after the path: /moderation/statement/7/appeal?s=...
        int query = page.indexOf('?');
        model.addAttribute(
                "appealAction",
                query < 0 ? page + "/appeal" : page.substring(0, query) + "/appeal" + page.substring(query));
        model.addAttribute("appeal", appeals.findByDecisionId(decision.getId()).orElse(null));
        model.addAttribute("mayAppeal", decision.appealableAt(clock.instant()));
        return "moderation/decision";
    }

    private String reportPage(ContentRef target, Model model) {
        model.addAttribute("target", target);
        model.addAttribute("categories", ReportCategory.values());
        return "moderation/report";
    }

    private static ContentRef target(String kind, long id) {
        try {
            return new ContentRef(ContentKind.fromSlug(kind), id);
        } catch (IllegalArgumentException unknownKind) {
            throw new NotFoundException("kind " + kind);
        }
    }
}
