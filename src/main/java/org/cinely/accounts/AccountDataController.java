package org.cinely.accounts;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.Optional;
import org.cinely.platform.security.CurrentMember;
import org.cinely.platform.web.Flash;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.web.authentication.logout.SecurityContextLogoutHandler;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * "Your data is yours", in the account settings: change the e-mail address, download my data,
 * delete my account (and cancel that within the grace period). Every action is the signed-in
 * member's own: no path names another member, so nobody can ask for someone else's data.
 */
@Controller
class AccountDataController {

    static final String DELETION_PATH = "/settings/delete";

    record ChangeEmailForm(
            @NotBlank(message = "{signup.email.required}")
            @Size(max = 254, message = "{signup.email.too-long}")
            @Email(message = "{signup.email.invalid}")
            String newEmail,

            @Size(max = 200, message = "{password.too-long}")
            String currentPassword) {}

    record DeleteAccountForm(
            @Size(max = 200, message = "{password.too-long}")
            String password) {}

    private final EmailChanges emailChanges;
    private final AccountDeletions deletions;
    private final MemberDataDownload download;
    private final Clock clock;

    AccountDataController(
            EmailChanges emailChanges, AccountDeletions deletions, MemberDataDownload download, Clock clock) {
        this.emailChanges = emailChanges;
        this.deletions = deletions;
        this.download = download;
        this.clock = clock;
    }

    // ---------------------------------------------------------------- change e-mail

    @GetMapping("/settings/email")
    String showChangeEmailForm(@AuthenticationPrincipal CurrentMember member, Model model) {
        model.addAttribute("member", member);
        model.addAttribute("form", new ChangeEmailForm("", ""));
        return "accounts/change-email";
    }

    @PostMapping("/settings/email")
    String processChangeEmailForm(
            @AuthenticationPrincipal CurrentMember member,
            @Valid @ModelAttribute("form") ChangeEmailForm form,
            BindingResult result,
            Model model,
            RedirectAttributes redirect) {
        Optional<String> sentTo = emailChanges.request(member.id(), form.newEmail(), form.currentPassword(), result);
        if (sentTo.isEmpty()) {
            model.addAttribute("member", member);
            return "accounts/change-email";
        }
        Flash.info(redirect, "email-change.sent", sentTo.get());
        return "redirect:/settings";
    }

    @GetMapping("/settings/email/confirm")
    String showConfirmEmailForm(
            @AuthenticationPrincipal CurrentMember member, @RequestParam(defaultValue = "") String token, Model model) {
        model.addAttribute("token", token);
        model.addAttribute("outcome", emailChanges.check(token, member.id()).name());
        return "accounts/confirm-email-change";
    }

    @PostMapping("/settings/email/confirm")
    String processConfirmEmailForm(
            @AuthenticationPrincipal CurrentMember member,
            @RequestParam(defaultValue = "") String token,
            Model model,
            RedirectAttributes redirect) {
        EmailChanges.Outcome outcome;
        try {
            outcome = emailChanges.confirm(token, member.id());
        } catch (DataIntegrityViolationException raced) {
            outcome = EmailChanges.Outcome.TAKEN; // another account took the address at this very moment
        }
        if (outcome != EmailChanges.Outcome.CHANGED) {
            model.addAttribute("token", token);
            model.addAttribute("outcome", outcome.name());
            return "accounts/confirm-email-change";
        }
        Flash.success(redirect, "email-change.done");
        return "redirect:/settings";
    }

    // ---------------------------------------------------------------- download my data

    @GetMapping("/settings/data")
    String showDownloadPage(@AuthenticationPrincipal CurrentMember member, Model model) {
        model.addAttribute("member", member);
        return "accounts/data";
    }

    /**
     * A POST (with its CSRF token): another site cannot make a member's browser spend their
     * downloads. Written on the request's own thread straight into the response, not as an async
     * {@code StreamingResponseBody}: a download of many videos takes minutes, longer than the
     * servlet container's async time-out (30 s by default) would allow.
     */
    @PostMapping("/settings/data/download")
    void download(@AuthenticationPrincipal CurrentMember member, HttpServletResponse response) throws IOException {
        download.allow(member.id()); // a refusal is a 429 page, before any byte of the file
        String name = "cinely-" + member.handle() + "-"
                + DateTimeFormatter.BASIC_ISO_DATE.format(clock.instant().atOffset(ZoneOffset.UTC)) + ".zip";
        response.setContentType("application/zip");
        response.setHeader(
                HttpHeaders.CONTENT_DISPOSITION,
                ContentDisposition.attachment().filename(name).build().toString());
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        download.write(member.id(), response.getOutputStream());
        response.flushBuffer();
    }

    // ---------------------------------------------------------------- delete my account

    @GetMapping(DELETION_PATH)
    String showDeleteForm(@AuthenticationPrincipal CurrentMember member, Model model) {
        model.addAttribute("member", member);
        model.addAttribute("form", new DeleteAccountForm(""));
        return deletionPage(member, model);
    }

    @PostMapping(DELETION_PATH)
    String processDeleteForm(
            @AuthenticationPrincipal CurrentMember member,
            @Valid @ModelAttribute("form") DeleteAccountForm form,
            BindingResult result,
            Model model,
            HttpServletRequest request,
            HttpServletResponse response,
            Authentication authentication,
            RedirectAttributes redirect) {
        if (result.hasErrors()) {
            model.addAttribute("member", member);
            return deletionPage(member, model);
        }
        Optional<Instant> due = deletions.request(member.id(), form.password(), result);
        if (due.isEmpty()) {
            model.addAttribute("member", member);
            return deletionPage(member, model);
        }
        // Every other session ended in the database; this one ends here, and the page after the
        // redirect is a visitor's, carrying the message.
        new SecurityContextLogoutHandler().logout(request, response, authentication);
        Flash.info(redirect, "deletion.scheduled", Date.from(due.get()));
        return "redirect:/login";
    }

    @PostMapping(DELETION_PATH + "/cancel")
    String cancelDeletion(
            @AuthenticationPrincipal CurrentMember member, HttpServletRequest request, RedirectAttributes redirect) {
        deletions.cancel(member.id());
        DeletionPendingGuard.clear(request);
        Flash.success(redirect, "deletion.cancelled");
        return "redirect:/settings";
    }

    private String deletionPage(CurrentMember member, Model model) {
        Optional<Instant> due = deletions.dueAt(member.id());
        model.addAttribute("graceDays", AccountDeletions.GRACE_PERIOD.toDays());
        due.ifPresent(at -> model.addAttribute("dueAt", Date.from(at)));
        return due.isPresent() ? "accounts/deletion-pending" : "accounts/delete";
    }
}
