package org.cinely.profiles;

import java.util.Optional;
import org.cinely.platform.NotFoundException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/** The member directory and profile pages. */
@Controller
class DirectoryController {

    static final int PAGE_SIZE = 24;

    private final ProfileService profiles;

    DirectoryController(ProfileService profiles) {
        this.profiles = profiles;
    }

    @GetMapping("/members")
    String showDirectory(
            @RequestParam(required = false) String craft, @RequestParam(defaultValue = "0") int page, Model model) {
        Optional<Craft> selected = Craft.fromSlug(craft);
        model.addAttribute("crafts", Craft.values());
        model.addAttribute("selectedCraft", selected.orElse(null));
        model.addAttribute("members", profiles.newest(selected, page, PAGE_SIZE));
        return "profiles/directory";
    }

    @GetMapping("/members/{handle}")
    String showProfile(@PathVariable String handle, Model model) {
        ProfileCard profile =
                profiles.findByHandle(handle).orElseThrow(() -> new NotFoundException("member " + handle));
        model.addAttribute("profile", profile);
        return "profiles/profile";
    }
}
