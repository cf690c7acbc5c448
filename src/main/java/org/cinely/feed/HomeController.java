package org.cinely.feed;

import java.util.Optional;
import org.cinely.platform.security.CurrentMember;
import org.cinely.profiles.ProfileService;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The home page: a welcome for visitors, the feed for members. */
@Controller
class HomeController {

    private final ProfileService profiles;

    HomeController(ProfileService profiles) {
        this.profiles = profiles;
    }

    @GetMapping("/")
    String showHome(@AuthenticationPrincipal CurrentMember member, Model model) {
        model.addAttribute("newMembers", profiles.newest(Optional.empty(), 0, 8).getContent());
        return member == null ? "feed/welcome" : "feed/home";
    }
}
