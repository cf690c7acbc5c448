package org.cinely.profiles;

import jakarta.validation.Valid;
import java.io.IOException;
import java.util.Locale;
import java.util.Map;
import org.cinely.platform.Craft;
import org.cinely.platform.ProductionType;
import org.cinely.platform.security.CurrentMember;
import org.cinely.platform.web.Flash;
import org.cinely.platform.web.FormErrors;
import org.springframework.context.MessageSource;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * /settings/profile: the signed-in member edits their own profile, avatar and credits. Every
 * action takes the member from the session, never from the request, so no id in a URL or form
 * can reach someone else's profile; a credit id is only found together with its owner.
 */
@Controller
class ProfileSettingsController {

    private final OwnProfile profiles;
    private final MessageSource messages;

    ProfileSettingsController(OwnProfile profiles, MessageSource messages) {
        this.profiles = profiles;
        this.messages = messages;
    }

    @GetMapping("/settings/profile")
    String showProfileForm(@AuthenticationPrincipal CurrentMember member, Model model) {
        model.addAttribute("form", profiles.ownForm(member.id()));
        return editPage(member, model);
    }

    /**
     * The whole profile, with the display name and handle (which accounts checks and keeps). After
     * a new handle, the header and "My profile" follow on the next page (accounts refreshes the
     * member's sessions) and the old address leads to the new one.
     */
    @PostMapping("/settings/profile")
    String processProfileForm(
            @AuthenticationPrincipal CurrentMember member,
            @Valid @ModelAttribute("form") ProfileForm form,
            BindingResult result,
            @RequestParam(name = "avatar", required = false) MultipartFile avatar,
            @RequestParam(name = "removeAvatar", defaultValue = "false") boolean removeAvatar,
            Model model,
            RedirectAttributes redirect)
            throws IOException {
        // Every field is bounded by its @Size, so the rules below (a handle's availability, links)
        // only ever see bounded text: all problems are shown together.
        String handleBefore = profiles.ownCard(member.id()).handle();
        // The photo comes with the details (one form): checked by its content, decoded here outside
        // the transaction; a refused one is a problem of the form like any other, and nothing is saved.
        byte[] photo = null;
        boolean photoChosen = avatar != null && !avatar.isEmpty();
        if (photoChosen) {
            try {
                if (avatar.getSize() > AvatarImages.MAX_BYTES) {
                    throw new AvatarImages.Refused("avatar.too-large");
                }
                photo = AvatarImages.toAvatar(avatar.getBytes());
            } catch (AvatarImages.Refused refused) {
                result.addError(
                        new FieldError("form", "avatar", null, false, new String[] {refused.messageKey()}, null, null));
            }
        }
        try {
            if (!profiles.update(member.id(), form, result, photo, removeAvatar)) {
                if (photo != null) {
                    // A good photo, held back by the other problems: the browser cannot keep a file
                    // across pages, so the member is told to choose it again with the fixes.
                    result.addError(new FieldError(
                            "form", "avatar", null, false, new String[] {"avatar.choose-again"}, null, null));
                }
                return editPage(member, model);
            }
        } catch (DataIntegrityViolationException raced) {
            // Someone took the handle between the check and the save; nothing was changed.
            result.rejectValue("handle", "handle.taken");
            return editPage(member, model);
        }
        String handleNow = profiles.ownCard(member.id()).handle();
        if (handleNow.equals(handleBefore)) {
            Flash.success(redirect, photo != null ? "profile.saved.with-photo" : "profile.saved");
        } else {
            Flash.success(redirect, "profile.saved.new-handle", handleNow, handleBefore);
        }
        return "redirect:/settings/profile";
    }

    /** Over the server's own limit (10 MB), the request never gets here: see {@link AvatarTooLarge}. */
    @PostMapping(AvatarTooLarge.AVATAR_PATH)
    String processAvatarForm(
            @AuthenticationPrincipal CurrentMember member,
            @RequestParam(name = "avatar", required = false) MultipartFile avatar,
            RedirectAttributes redirect)
            throws IOException {
        try {
            if (avatar == null || avatar.isEmpty()) {
                throw new AvatarImages.Refused("avatar.empty");
            }
            if (avatar.getSize() > AvatarImages.MAX_BYTES) {
                throw new AvatarImages.Refused("avatar.too-large");
            }
            // Decoded here, outside the transaction: a refused upload changes nothing.
            profiles.changeAvatar(member.id(), AvatarImages.toAvatar(avatar.getBytes()));
        } catch (AvatarImages.Refused refused) {
            Flash.error(redirect, refused.messageKey());
            return "redirect:/settings/profile#avatar";
        }
        Flash.success(redirect, "avatar.saved");
        return "redirect:/settings/profile";
    }

    /**
     * The photo alone, for profile.js: saved without leaving the page (so what is typed in the
     * details stays in the browser), answered with the new photo's address or the problem.
     */
    @PostMapping(path = AvatarTooLarge.AVATAR_PATH, produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    ResponseEntity<Map<String, String>> processAvatarInPlace(
            @AuthenticationPrincipal CurrentMember member,
            @RequestParam(name = "avatar", required = false) MultipartFile avatar,
            Locale locale)
            throws IOException {
        try {
            if (avatar == null || avatar.isEmpty()) {
                throw new AvatarImages.Refused("avatar.empty");
            }
            if (avatar.getSize() > AvatarImages.MAX_BYTES) {
                throw new AvatarImages.Refused("avatar.too-large");
            }
            profiles.changeAvatar(member.id(), AvatarImages.toAvatar(avatar.getBytes()));
        } catch (AvatarImages.Refused refused) {
            return ResponseEntity.status(422)
                    .body(Map.of("error", messages.getMessage(refused.messageKey(), null, locale)));
        }
        return ResponseEntity.ok(Map.of(
                "avatarUrl", profiles.ownCard(member.id()).avatarUrl(),
                "message", messages.getMessage("avatar.saved", null, locale)));
    }

    @PostMapping("/settings/profile/avatar/delete")
    String processRemoveAvatar(@AuthenticationPrincipal CurrentMember member, RedirectAttributes redirect) {
        profiles.removeAvatar(member.id());
        Flash.success(redirect, "avatar.removed");
        return "redirect:/settings/profile";
    }

    @PostMapping("/settings/profile/credits")
    String processAddCreditForm(
            @AuthenticationPrincipal CurrentMember member,
            @Valid @ModelAttribute("creditForm") CreditForm creditForm,
            BindingResult result,
            Model model,
            RedirectAttributes redirect) {
        if (FormErrors.tooLong(result) || !profiles.addCredit(member.id(), creditForm, result)) {
            model.addAttribute("form", profiles.ownForm(member.id()));
            return editPage(member, model);
        }
        Flash.success(redirect, "credit.added", creditForm.title().strip());
        return "redirect:/settings/profile#credits";
    }

    @GetMapping("/settings/profile/credits/{id}")
    String showEditCreditForm(@AuthenticationPrincipal CurrentMember member, @PathVariable long id, Model model) {
        model.addAttribute("creditForm", profiles.creditForm(member.id(), id));
        model.addAttribute("creditId", id);
        addChoices(model);
        return "profiles/credit-form";
    }

    @PostMapping("/settings/profile/credits/{id}")
    String processEditCreditForm(
            @AuthenticationPrincipal CurrentMember member,
            @PathVariable long id,
            @Valid @ModelAttribute("creditForm") CreditForm creditForm,
            BindingResult result,
            Model model,
            RedirectAttributes redirect) {
        // Too long: shown as typed before the credit is even looked up (it is when the form is fixed).
        if (FormErrors.tooLong(result) || !profiles.updateCredit(member.id(), id, creditForm, result)) {
            model.addAttribute("creditId", id);
            addChoices(model);
            return "profiles/credit-form";
        }
        Flash.success(redirect, "credit.updated", creditForm.title().strip());
        return "redirect:/settings/profile#credits";
    }

    @PostMapping("/settings/profile/credits/{id}/delete")
    String processDeleteCredit(
            @AuthenticationPrincipal CurrentMember member, @PathVariable long id, RedirectAttributes redirect) {
        profiles.deleteCredit(member.id(), id);
        Flash.success(redirect, "credit.removed");
        return "redirect:/settings/profile#credits";
    }

    private String editPage(CurrentMember member, Model model) {
        Object bound = model.getAttribute(BindingResult.MODEL_KEY_PREFIX + "form");
        FieldError avatarError = bound instanceof BindingResult result ? result.getFieldError("avatar") : null;
        model.addAttribute("avatarError", avatarError == null ? null : avatarError.getCode());
        model.addAttribute("avatarMaxBytes", AvatarImages.MAX_BYTES);
        if (!model.containsAttribute("creditForm")) {
            model.addAttribute("creditForm", CreditForm.empty());
        }
        ProfileCard card = profiles.ownCard(member.id());
        model.addAttribute("handle", card.handle());
        model.addAttribute("avatarUrl", card.avatarUrl());
        model.addAttribute("credits", profiles.ownCredits(member.id()));
        addChoices(model);
        return "profiles/edit";
    }

    private static void addChoices(Model model) {
        model.addAttribute("crafts", Craft.values());
        model.addAttribute("availabilities", Availability.values());
        model.addAttribute("currencies", ProfilePolicy.currencies());
        model.addAttribute("productionTypes", ProductionType.FOR_CREDITS);
        model.addAttribute("visibilities", Visibility.values());
    }
}
