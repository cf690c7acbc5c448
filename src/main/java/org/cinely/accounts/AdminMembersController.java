package org.cinely.accounts;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Moderators and admins find members here; decisions about a member (with their history) are on
 * the moderation module's member page, {@code /admin/members/{id}}.
 */
@Controller
class AdminMembersController {

    private static final int PAGE_SIZE = 50;

    private final AdminMemberQueries queries;

    AdminMembersController(AdminMemberQueries queries) {
        this.queries = queries;
    }

    @GetMapping("/admin/members")
    String showMembers(
            @RequestParam(defaultValue = "") String q,
            @RequestParam(required = false) AccountState state,
            @RequestParam(defaultValue = "0") int page,
            Model model) {
        model.addAttribute("q", q);
        model.addAttribute("state", state);
        model.addAttribute("states", AccountState.values());
        model.addAttribute("result", queries.find(q, state, Math.max(0, page), PAGE_SIZE));
        return "admin/members";
    }
}
