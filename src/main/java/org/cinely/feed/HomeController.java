package org.cinely.feed;

import java.util.Optional;
import org.cinely.accounts.AccountsApi;
import org.cinely.connections.ConnectionsApi;
import org.cinely.platform.security.CurrentMember;
import org.cinely.profiles.ProfilesApi;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The home page: a welcome for visitors, the feed for members (with "people you may know"). */
@Controller
class HomeController {

    static final int SIDEBAR_SUGGESTIONS = 5;

    private final ProfilesApi profiles;
    private final ConnectionsApi connections;
    private final FeedReader feed;
    private final AccountsApi accounts;

    HomeController(ProfilesApi profiles, ConnectionsApi connections, FeedReader feed, AccountsApi accounts) {
        this.profiles = profiles;
        this.connections = connections;
        this.feed = feed;
        this.accounts = accounts;
    }

    /** Its reads in one read-only transaction (see platform.database.ReadOnlyPages). */
    @GetMapping("/")
    @Transactional(readOnly = true)
    String showHome(
            @AuthenticationPrincipal CurrentMember member, @RequestParam(required = false) Long before, Model model) {
        // "New on Cinely" is about other people: the viewer never meets themself there.
        model.addAttribute(
                "newMembers",
                profiles.recentlyActive(Optional.ofNullable(member).map(CurrentMember::id), 8));
        if (member == null) {
            return "feed/welcome";
        }
        model.addAttribute("returning", accounts.hasLoggedIn(member.id()));
        FeedReader.FeedPage page = feed.page(member.id(), before == null || before < 1 ? null : before);
        model.addAttribute("feed", page);
        model.addAttribute("firstPage", before == null);
        model.addAttribute("suggestions", connections.suggestions(member.id(), SIDEBAR_SUGGESTIONS));
        return "feed/home";
    }

    /** Entries newer than the newest on an open page, for live updates to add at the top. */
    @GetMapping("/feed/newer")
    String showNewer(@AuthenticationPrincipal CurrentMember member, @RequestParam long after, Model model) {
        model.addAttribute("entries", feed.newer(member.id(), after));
        return "feed/entries :: entries";
    }
}
