package org.cinely.profiles;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Duration;
import java.util.Optional;
import org.cinely.platform.Craft;
import org.cinely.platform.MemberId;
import org.cinely.platform.NotFoundException;
import org.cinely.platform.search.SearchPage;
import org.cinely.platform.security.CurrentMember;
import org.cinely.platform.web.PageLinks;
import org.cinely.platform.web.PageSlice;
import org.cinely.works.CreditedWork;
import org.cinely.works.WorkCard;
import org.cinely.works.WorksApi;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/** The member directory, profile pages and avatars. */
@Controller
class DirectoryController {

    static final int PAGE_SIZE = 24;
    static final int PROFILE_WORKS = 12;
    static final int PROFILE_CREDITED_WORKS = 20;
    static final int CREDITED_PAGE_SIZE = 50;

    private final ProfilePages profiles;
    private final ProfileNames names;
    private final WorksApi works;

    DirectoryController(ProfilePages profiles, ProfileNames names, WorksApi works) {
        this.profiles = profiles;
        this.names = names;
        this.works = works;
    }

    @GetMapping("/members")
    String showDirectory(
            @AuthenticationPrincipal CurrentMember member,
            @RequestParam(required = false) String q,
            @RequestParam(required = false) String craft,
            @RequestParam(required = false) String location,
            @RequestParam(required = false) String availability,
            @RequestParam(defaultValue = "0") int page,
            Model model) {
        DirectorySearch search = DirectorySearch.of(q, craft, location, availability, page);
        SearchPage<ProfileCard> members = profiles.search(search, member == null ? null : member.id(), PAGE_SIZE);
        model.addAttribute("search", search);
        model.addAttribute("crafts", Craft.values());
        model.addAttribute("availabilities", Availability.values());
        model.addAttribute("members", members);
        model.addAttribute(
                "didYouMean",
                profiles.didYouMean(search, members, member == null ? null : member.id())
                        .orElse(null));
        return "profiles/directory";
    }

    /**
     * A member's profile. A handle its member gave up leads to their current one, so links shared
     * before a rename keep working; with 302, not 301, because the old handle may become someone
     * else's, and then it is theirs (a browser would keep a 301 for good).
     */
    @GetMapping("/members/{handle}")
    String showProfile(@AuthenticationPrincipal CurrentMember member, @PathVariable String handle, Model model) {
        MemberId viewer = member == null ? null : member.id();
        Optional<ProfilePage> found = profiles.page(handle, viewer, isStaff(member));
        if (found.isEmpty()) {
            return names.renamedFrom(handle)
                    .map(current -> "redirect:/members/" + current)
                    .orElseThrow(() -> new NotFoundException("member " + handle));
        }
        ProfilePage page = found.get();
        model.addAttribute("page", page);
        if (!page.limited()) {
            MemberId shown = MemberId.of(page.card().memberId());
            // The newest few; "All work" pages through the rest.
            model.addAttribute("works", works.worksOf(shown, viewer, 0, PROFILE_WORKS));
            // Credits on other members' works that this member confirmed (shown on both profiles).
            model.addAttribute("creditedWorks", works.confirmedCreditsOf(shown, 0, PROFILE_CREDITED_WORKS));
        }
        return "profiles/profile";
    }

    /** Every work of a member this viewer may see, a page at a time (the profile shows the newest few). */
    @GetMapping("/members/{handle}/works")
    String showWorks(
            @AuthenticationPrincipal CurrentMember member,
            @PathVariable String handle,
            @RequestParam(defaultValue = "0") int page,
            HttpServletRequest request,
            Model model) {
        ProfilePage profile = unlimitedPage(member, handle);
        MemberId viewer = member == null ? null : member.id();
        PageSlice<WorkCard> slice = works.worksOf(MemberId.of(profile.card().memberId()), viewer, page, PAGE_SIZE);
        model.addAttribute("page", profile);
        model.addAttribute("works", slice);
        model.addAttribute("pager", PageLinks.of(request, slice));
        return "profiles/works";
    }

    /** Every confirmed credit of a member on others' works, a page at a time. */
    @GetMapping("/members/{handle}/credited")
    String showCreditedWorks(
            @AuthenticationPrincipal CurrentMember member,
            @PathVariable String handle,
            @RequestParam(defaultValue = "0") int page,
            HttpServletRequest request,
            Model model) {
        ProfilePage profile = unlimitedPage(member, handle);
        PageSlice<CreditedWork> slice =
                works.confirmedCreditsOf(MemberId.of(profile.card().memberId()), page, CREDITED_PAGE_SIZE);
        model.addAttribute("page", profile);
        model.addAttribute("creditedWorks", slice);
        model.addAttribute("pager", PageLinks.of(request, slice));
        return "profiles/credited";
    }

    /** The profile as this viewer may see it, whole: not found where its page shows no work. */
    private ProfilePage unlimitedPage(CurrentMember member, String handle) {
        return profiles.page(handle, member == null ? null : member.id(), isStaff(member))
                .filter(p -> !p.limited())
                .orElseThrow(() -> new NotFoundException("works of member " + handle));
    }

    /**
     * The avatar image. Its URL carries a version, so it may be cached for long; members-only
     * profiles' avatars are cached privately only.
     */
    @GetMapping("/members/{handle}/avatar")
    ResponseEntity<byte[]> showAvatar(
            @AuthenticationPrincipal CurrentMember member,
            @PathVariable String handle,
            @RequestParam(name = "v", required = false) String version) {
        var found = profiles.avatar(handle, member == null ? null : member.id(), isStaff(member), version);
        if (found.isEmpty()) {
            // An avatar URL from before a rename leads to the member's avatar now.
            var renamed = names.renamedFrom(handle);
            if (renamed.isPresent()) {
                return ResponseEntity.status(HttpStatus.FOUND)
                        .location(org.springframework.web.util.UriComponentsBuilder.fromPath("/members/{handle}/avatar")
                                .queryParamIfPresent("v", java.util.Optional.ofNullable(version))
                                .buildAndExpand(renamed.get())
                                .encode()
                                .toUri())
                        .build();
            }
        }
        var avatar = found.orElseThrow(() -> new NotFoundException("avatar of " + handle));

        CacheControl cache = CacheControl.maxAge(Duration.ofDays(365));
        cache = profiles.isPublic(handle) && member == null ? cache.cachePublic() : cache.cachePrivate();
        return ResponseEntity.ok()
                .cacheControl(cache.immutable())
                .contentType(MediaType.parseMediaType(avatar.contentType()))
                .header("X-Content-Type-Options", "nosniff")
                .body(avatar.bytes());
    }

    /** Moderators and admins still see suspended or banned members' pages. */
    private static boolean isStaff(CurrentMember member) {
        return member != null && member.isModerator();
    }
}
