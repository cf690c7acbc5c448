package org.cinely.moderation;

import java.util.List;
import org.cinely.accounts.AccountsApi;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The audit log, newest first, and a check of its whole hash chain on request. */
@Controller
class AdminAuditController {

    private static final int PAGE_SIZE = 100;

    private final AuditLog audit;
    private final AccountsApi accounts;

    AdminAuditController(AuditLog audit, AccountsApi accounts) {
        this.audit = audit;
        this.accounts = accounts;
    }

    @GetMapping("/admin/audit")
    String log(
            @RequestParam(required = false) Long before,
            @RequestParam(defaultValue = "false") boolean verify,
            Model model) {
        List<AuditLog.Entry> entries = audit.page(before, PAGE_SIZE);
        model.addAttribute("entries", entries);
        model.addAttribute(
                "people",
                accounts.findMembers(entries.stream()
                        .map(AuditLog.Entry::actor)
                        .filter(java.util.Objects::nonNull)
                        .toList()));
        model.addAttribute(
                "older",
                entries.size() == PAGE_SIZE ? entries.get(entries.size() - 1).id() : null);
        if (verify) {
            model.addAttribute("verification", audit.verify());
        }
        return "admin/audit";
    }
}
