package org.cinely.feed;

import java.util.Optional;
import org.cinely.connections.ConnectionsApi;
import org.cinely.platform.security.CurrentMember;
import org.cinely.profiles.ProfilesApi;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The home page: a welcome for visitors, the feed for members (with "people you may know"). */
@Controller
class HomeController {

    static final int SIDEBAR_SUGGESTIONS = 5;

    private final ProfilesApi profiles;
    private final ConnectionsApi connections;

    HomeController(ProfilesApi profiles, ConnectionsApi connections) {
        this.profiles = profiles;
        this.connections = connections;
    }

    @GetMapping("/")
    String showHome(@AuthenticationPrincipal CurrentMember member, Model model) {
        model.addAttribute("newMembers", profiles.newest(Optional.empty(), 0, 8).getContent());
        if (member == null) {
            return "feed/welcome";
        }
        model.addAttribute("suggestions", connections.suggestions(member.id(), SIDEBAR_SUGGESTIONS));
        return "feed/home";
    }
}
