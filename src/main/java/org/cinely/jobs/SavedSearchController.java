package org.cinely.jobs;

import org.cinely.platform.security.CurrentMember;
import org.cinely.platform.web.Flash;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Saved searches and the new listings that matched them. */
@Controller
class SavedSearchController {

    private final SavedSearchService savedSearches;

    SavedSearchController(SavedSearchService savedSearches) {
        this.savedSearches = savedSearches;
    }

    @GetMapping("/jobs/saved-searches")
    String showSavedSearches(@AuthenticationPrincipal CurrentMember member, Model model) {
        MemberPages.require(member);
        model.addAttribute("searches", savedSearches.searchesOf(member.id()));
        model.addAttribute("matches", savedSearches.matchesOf(member.id()));
        model.addAttribute("unseen", savedSearches.unseenCount(member.id()));
        return "jobs/saved-searches";
    }

    /** Saves the board's current search (its filters arrive as the same parameters). */
    @PostMapping("/jobs/saved-searches")
    String saveSearch(
            @RequestParam MultiValueMap<String, String> params,
            @RequestParam(defaultValue = "") String name,
            @RequestParam(defaultValue = "false") boolean emailAlerts,
            @AuthenticationPrincipal CurrentMember member,
            RedirectAttributes redirect) {
        MemberPages.require(member);
        JobSearch search = JobSearch.from(params);
        String query = search.toQueryString();
        if (!search.isFiltered()) {
            Flash.error(redirect, "saved-search.empty");
            return "redirect:/jobs";
        }
        String label = name.isBlank() ? search.q() : name.strip();
        if (label.isBlank()) {
            label = "jobs";
        }
        if (label.length() > 80) {
            label = label.substring(0, 80);
        }
        if (savedSearches.save(member.id(), label, search, emailAlerts)) {
            Flash.success(redirect, "saved-search.saved", label);
        } else {
            Flash.error(redirect, "saved-search.too-many", SavedSearchService.MAX_PER_MEMBER);
        }
        return "redirect:/jobs" + (query.isEmpty() ? "" : "?" + query);
    }

    @PostMapping("/jobs/saved-searches/{id:\\d+}/delete")
    String delete(@PathVariable long id, @AuthenticationPrincipal CurrentMember member, RedirectAttributes redirect) {
        MemberPages.require(member);
        savedSearches.delete(id, member.id());
        Flash.info(redirect, "saved-search.deleted");
        return "redirect:/jobs/saved-searches";
    }

    @PostMapping("/jobs/saved-searches/{id:\\d+}/alerts")
    String alerts(
            @PathVariable long id,
            @RequestParam(defaultValue = "false") boolean emailAlerts,
            @AuthenticationPrincipal CurrentMember member,
            RedirectAttributes redirect) {
        MemberPages.require(member);
        savedSearches.setEmailAlerts(id, member.id(), emailAlerts);
        Flash.success(redirect, emailAlerts ? "saved-search.alerts.on" : "saved-search.alerts.off");
        return "redirect:/jobs/saved-searches";
    }

    @PostMapping("/jobs/saved-searches/seen")
    String markSeen(@AuthenticationPrincipal CurrentMember member, RedirectAttributes redirect) {
        MemberPages.require(member);
        savedSearches.markAllSeen(member.id());
        return "redirect:/jobs/saved-searches";
    }
}
