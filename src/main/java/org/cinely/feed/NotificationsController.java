package org.cinely.feed;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.cinely.platform.MemberId;
import org.cinely.platform.NotFoundException;
import org.cinely.platform.security.CurrentMember;
import org.cinely.platform.web.Flash;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * /notifications (newest first; open one to mark it read and go to its subject; mark all read)
 * and /settings/notifications (how each kind reaches the member's inbox). Only the member's own:
 * another member's notification id is "not found" and changes nothing.
 */
@Controller
class NotificationsController {

    private final NotificationReader reader;
    private final NotificationStore store;
    private final Notifier notifier;

    NotificationsController(NotificationReader reader, NotificationStore store, Notifier notifier) {
        this.reader = reader;
        this.store = store;
        this.notifier = notifier;
    }

    @GetMapping("/notifications")
    String showNotifications(
            @AuthenticationPrincipal CurrentMember member, @RequestParam(required = false) Long before, Model model) {
        model.addAttribute("page", reader.page(member.id(), before == null || before < 1 ? null : before));
        model.addAttribute("firstPage", before == null);
        return "feed/notifications";
    }

    /** Marks it read and goes where it leads. */
    @PostMapping("/notifications/{id}/open")
    @Transactional
    String open(@AuthenticationPrincipal CurrentMember member, @PathVariable long id) {
        NotificationStore.Notification notification = store.find(id)
                .filter(n -> n.recipient().equals(member.id()))
                .orElseThrow(() -> new NotFoundException("notification " + id));
        if (store.markRead(member.id(), id) && !notification.read()) {
            announce(member.id());
        }
        // Links are paths this module wrote ("/works/7#comments"), never taken from a request.
        return "redirect:" + notification.link();
    }

    @PostMapping("/notifications/{id}/read")
    @Transactional
    String markRead(@AuthenticationPrincipal CurrentMember member, @PathVariable long id) {
        if (!store.markRead(member.id(), id)) {
            throw new NotFoundException("notification " + id);
        }
        announce(member.id());
        return "redirect:/notifications";
    }

    /** Everything up to the newest the page showed; what arrived since stays unread. */
    @PostMapping("/notifications/read-all")
    @Transactional
    String markAllRead(
            @AuthenticationPrincipal CurrentMember member,
            @RequestParam(defaultValue = "9223372036854775807") long upTo,
            RedirectAttributes redirect) {
        store.markAllRead(member.id(), upTo);
        announce(member.id());
        Flash.success(redirect, "notifications.all-read");
        return "redirect:/notifications";
    }

    private void announce(MemberId member) {
        notifier.announceUnread(List.of(member));
    }

    @GetMapping("/settings/notifications")
    String showSettings(@AuthenticationPrincipal CurrentMember member, Model model) {
        model.addAttribute("choices", store.choices(member.id()));
        model.addAttribute("kinds", NotificationKind.values());
        model.addAttribute("options", NotificationKind.EmailChoice.values());
        return "feed/notification-settings";
    }

    /** Every kind at once; a missing or unknown value leaves that kind as it was. */
    @PostMapping("/settings/notifications")
    @Transactional
    String saveSettings(
            @AuthenticationPrincipal CurrentMember member,
            @RequestParam Map<String, String> form,
            RedirectAttributes redirect) {
        Map<NotificationKind, NotificationKind.EmailChoice> chosen = new EnumMap<>(NotificationKind.class);
        for (NotificationKind kind : NotificationKind.values()) {
            String value = form.get("email-" + kind.slug());
            Arrays.stream(NotificationKind.EmailChoice.values())
                    .filter(choice -> choice.slug().equals(value))
                    .findFirst()
                    .ifPresent(choice -> chosen.put(kind, choice));
        }
        chosen.forEach((kind, choice) -> store.choose(member.id(), kind, choice));
        Flash.success(redirect, "notifications.settings.saved");
        return "redirect:/settings/notifications";
    }
}
