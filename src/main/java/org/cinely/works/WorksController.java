package org.cinely.works;

import jakarta.validation.Valid;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.cinely.accounts.AccountsApi;
import org.cinely.accounts.MemberSummary;
import org.cinely.media.MediaApi;
import org.cinely.platform.Craft;
import org.cinely.platform.MemberId;
import org.cinely.platform.ProductionType;
import org.cinely.platform.security.CurrentMember;
import org.cinely.platform.web.Flash;
import org.cinely.platform.web.FormErrors;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The works pages: browse, new, a work (player, details, credits, comments) and edit; its media
 * files and progress are {@link WorkMediaController}'s. One controller because a refused comment
 * or edit renders the same work page again, with what was typed; the social actions themselves
 * live in {@link WorkSocial}.
 */
@Controller
class WorksController {

    static final int PAGE_SIZE = 24;

    private final WorkService works;
    private final WorkExtras extras;
    private final WorkQueries queries;
    private final MediaApi media;
    private final AccountsApi accounts;
    private final WorkSocial social;
    private final WorkVisibility visibility;
    private final WorkCredits credits;

    private final FormErrors formErrors;
    private final WorkTrash trash;

    WorksController(
            WorkService works,
            WorkExtras extras,
            WorkQueries queries,
            MediaApi media,
            AccountsApi accounts,
            WorkSocial social,
            WorkVisibility visibility,
            WorkCredits credits,
            FormErrors formErrors,
            WorkTrash trash) {
        this.formErrors = formErrors;
        this.trash = trash;
        this.works = works;
        this.extras = extras;
        this.queries = queries;
        this.media = media;
        this.accounts = accounts;
        this.social = social;
        this.visibility = visibility;
        this.credits = credits;
    }

    @GetMapping("/works")
    String showWorks(
            @RequestParam(required = false) String type,
            @RequestParam(required = false) String craft,
            @RequestParam(defaultValue = "0") int page,
            Model model) {
        Optional<ProductionType> selectedType =
                ProductionType.fromSlug(type).filter(ProductionType.FOR_WORKS::contains);
        Optional<Craft> selectedCraft = Craft.fromSlug(craft);
        List<WorkCard> cards = queries.newestPublic(selectedType, selectedCraft, page, PAGE_SIZE);
        model.addAttribute("cards", cards.size() > PAGE_SIZE ? cards.subList(0, PAGE_SIZE) : cards);
        model.addAttribute("hasNext", cards.size() > PAGE_SIZE);
        model.addAttribute("page", Math.max(0, page));
        model.addAttribute("types", ProductionType.FOR_WORKS);
        model.addAttribute("crafts", Craft.values());
        model.addAttribute(
                "selectedType", selectedType.map(ProductionType::slug).orElse(""));
        model.addAttribute("selectedCraft", selectedCraft.map(Craft::slug).orElse(""));
        model.addAttribute("filtered", selectedType.isPresent() || selectedCraft.isPresent());
        return "works/browse";
    }

    @GetMapping("/works/new")
    @PreAuthorize("isAuthenticated()")
    String showNewWorkForm(Model model) {
        model.addAttribute("form", WorkForm.blank());
        return formPage(model, null);
    }

    @PostMapping("/works")
    @PreAuthorize("hasAuthority('VERIFIED')")
    String processNewWorkForm(
            @AuthenticationPrincipal CurrentMember member,
            @Valid @ModelAttribute("form") WorkForm form,
            BindingResult result,
            Model model,
            RedirectAttributes redirect) {
        // Credits are checked even when a field has a problem, so every problem shows at once;
        // nothing is created while there is any.
        Optional<Work> work = works.create(member.id(), form, formErrors.complete(form, result, model));
        if (work.isEmpty()) {
            return formPage(model, null);
        }
        Flash.success(redirect, "work.created");
        return "redirect:/works/" + work.get().getId() + "/edit";
    }

    @GetMapping("/works/{id}/edit")
    String showEditWorkForm(@AuthenticationPrincipal CurrentMember member, @PathVariable long id, Model model) {
        Work work = works.findOwned(id, member);
        model.addAttribute(
                "form",
                new WorkForm(
                        work.getTitle(),
                        work.getDescription(),
                        work.getProductionType(),
                        work.getProductionYear(),
                        work.getTags(),
                        credits.text(id),
                        work.getVisibility()));
        return formPage(model, work);
    }

    @PostMapping("/works/{id}")
    String processEditWorkForm(
            @AuthenticationPrincipal CurrentMember member,
            @PathVariable long id,
            @Valid @ModelAttribute("form") WorkForm form,
            BindingResult result,
            Model model,
            RedirectAttributes redirect) {
        Work work = works.findOwned(id, member);
        if (!works.update(work, member.id(), form, formErrors.complete(form, result, model))) {
            return formPage(model, work);
        }
        Flash.success(redirect, "work.saved");
        return "redirect:/works/" + id;
    }

    private String formPage(Model model, Work work) {
        model.addAttribute("work", work == null ? null : work.view());
        model.addAttribute("types", ProductionType.FOR_WORKS);
        model.addAttribute("visibilities", Visibility.values());
        model.addAttribute("maxUploadBytes", media.maxUploadBytes());
        model.addAttribute("transcoderAvailable", media.transcoderAvailable());
        if (work != null && work.getMediaAssetId() != null) {
            model.addAttribute("status", media.status(work.getMediaAssetId()).orElse(null));
        }
        return "works/form";
    }

    /** Asks first (a page of its own, so it works without JavaScript); nothing changes on a GET. */
    @GetMapping("/works/{id}/delete")
    String showDeleteWorkForm(@AuthenticationPrincipal CurrentMember member, @PathVariable long id, Model model) {
        Work work = works.findOwned(id, member);
        model.addAttribute("work", work.view());
        model.addAttribute("keptDays", WorkTrash.KEPT.toDays());
        return "works/delete";
    }

    /** Into the trash, with an Undo on the next page and "Recently deleted" for 30 days. */
    @PostMapping("/works/{id}/delete")
    String deleteWork(
            @AuthenticationPrincipal CurrentMember member, @PathVariable long id, RedirectAttributes redirect) {
        Work work = works.findOwned(id, member);
        works.trash(work);
        Flash.undoable(redirect, "/works/" + id + "/restore", "work.trashed", work.getTitle(), WorkTrash.KEPT.toDays());
        return "redirect:/works/trash";
    }

    @PostMapping("/works/{id}/restore")
    String restoreWork(
            @AuthenticationPrincipal CurrentMember member, @PathVariable long id, RedirectAttributes redirect) {
        Work work = works.restore(id, member);
        Flash.success(redirect, "work.restored", work.getTitle());
        return "redirect:/works/" + id;
    }

    /** "Recently deleted": the member's trashed works, each restorable until it is purged. */
    @GetMapping("/works/trash")
    @PreAuthorize("isAuthenticated()")
    String showTrash(@AuthenticationPrincipal CurrentMember member, Model model) {
        model.addAttribute("trashed", trash.of(member.id()));
        model.addAttribute("now", trash.now());
        return "works/trash";
    }

    @PostMapping("/works/{id}/retry")
    String retryTranscode(
            @AuthenticationPrincipal CurrentMember member, @PathVariable long id, RedirectAttributes redirect) {
        Work work = works.findOwned(id, member);
        if (work.getMediaAssetId() != null && media.retry(work.getMediaAssetId())) {
            Flash.info(redirect, "work.retrying");
        }
        return "redirect:/works/" + id + "/edit";
    }

    @GetMapping("/works/{id}")
    String showWork(@AuthenticationPrincipal CurrentMember viewer, @PathVariable long id, Model model) {
        return workPage(viewer, works.open(id, viewer), model);
    }

    private String workPage(CurrentMember viewer, Work work, Model model) {
        long id = work.getId();
        if (!model.containsAttribute("commentForm")) {
            model.addAttribute("commentForm", new CommentForm(""));
        }
        MemberId viewerId = viewer == null ? null : viewer.id();
        List<WorkExtras.Credit> credits = extras.credits(id);
        List<WorkExtras.Comment> comments =
                visibility.visibleComments(viewerId, viewer != null && viewer.isModerator(), extras.comments(id));
        List<MemberId> people = new java.util.ArrayList<>();
        people.add(work.getOwner());
        credits.forEach(c -> people.add(c.member()));
        comments.forEach(c -> people.add(c.author()));
        Map<MemberId, MemberSummary> members = accounts.findMembers(people);
        model.addAttribute("work", work.view());
        model.addAttribute("owner", members.get(work.getOwner()));
        model.addAttribute("isOwner", work.ownedBy(viewerId));
        model.addAttribute("staffView", visibility.seenOnlyByRole(viewer, work));
        model.addAttribute("members", members);
        model.addAttribute(
                "credits",
                credits.stream()
                        .filter(c -> c.confirmed()
                                || work.ownedBy(viewerId)
                                || c.member().equals(viewerId))
                        .toList());
        model.addAttribute("comments", comments);
        model.addAttribute("viewerId", viewerId);
        model.addAttribute("liked", viewerId != null && extras.liked(id, viewerId));
        model.addAttribute(
                "status",
                work.getMediaAssetId() == null
                        ? null
                        : media.status(work.getMediaAssetId()).orElse(null));
        return "works/detail";
    }

    @PostMapping("/works/{id}/like")
    @PreAuthorize("hasAuthority('VERIFIED')")
    String like(
            @AuthenticationPrincipal CurrentMember member,
            @PathVariable long id,
            @RequestParam(name = "like", required = false) Boolean want) {
        social.like(id, member, want);
        return "redirect:/works/" + id + "#likes";
    }

    record CommentForm(
            @jakarta.validation.constraints.NotBlank(message = "{work.comment.invalid}")
            @jakarta.validation.constraints.Size(max = 2000, message = "{work.comment.invalid}")
            String body) {}

    @PostMapping("/works/{id}/comments")
    @PreAuthorize("hasAuthority('VERIFIED')")
    String addComment(
            @AuthenticationPrincipal CurrentMember member,
            @PathVariable long id,
            @Valid @ModelAttribute("commentForm") CommentForm form,
            BindingResult result,
            Model model,
            RedirectAttributes redirect) {
        Work work = works.findVisible(id, member);
        if (result.hasErrors()) {
            // The page again, with the comment as typed and what to fix (nothing else is done).
            return workPage(member, work, model);
        }
        social.comment(work, member, form.body());
        return "redirect:/works/" + id + "#comments";
    }

    @PostMapping("/works/{id}/comments/{commentId}")
    String editComment(
            @AuthenticationPrincipal CurrentMember member,
            @PathVariable long id,
            @PathVariable long commentId,
            @Valid @ModelAttribute("commentForm") CommentForm form,
            BindingResult result,
            RedirectAttributes redirect) {
        if (result.hasErrors()) {
            Flash.error(redirect, "work.comment.invalid");
        } else {
            social.editComment(id, commentId, member, form.body());
        }
        return "redirect:/works/" + id + "#comment-" + commentId;
    }

    @PostMapping("/works/{id}/comments/{commentId}/delete")
    String deleteComment(
            @AuthenticationPrincipal CurrentMember member, @PathVariable long id, @PathVariable long commentId) {
        social.deleteComment(id, commentId, member);
        return "redirect:/works/" + id + "#comments";
    }

    @PostMapping("/works/{id}/credits/{creditId}/confirm")
    String confirmCredit(
            @AuthenticationPrincipal CurrentMember member,
            @PathVariable long id,
            @PathVariable long creditId,
            RedirectAttributes redirect) {
        social.confirmCredit(id, creditId, member);
        Flash.success(redirect, "work.credit.confirmed");
        return "redirect:/works/" + id;
    }

    @PostMapping("/works/{id}/credits/{creditId}/remove")
    String removeCredit(
            @AuthenticationPrincipal CurrentMember member,
            @PathVariable long id,
            @PathVariable long creditId,
            RedirectAttributes redirect) {
        social.removeCredit(id, creditId, member);
        Flash.info(redirect, "work.credit.removed");
        return "redirect:/works/" + id;
    }
}
