package org.cinely.feed;

import org.cinely.platform.MemberId;
import org.cinely.platform.NotFoundException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * The unsubscribe link in every notification mail: {@code /notifications/unsubscribe/{member}/
 * {kind}/{signature}}. Opening it shows what it will change and a button; a mail client's
 * one-click POST (RFC 8058, no log-in, no CSRF token) changes it at once. Either way only that
 * member's e-mail for that kind is turned off; a link with a wrong signature is "not found".
 */
@Controller
class Unsubscribe {

    private static final String PURPOSE = "unsubscribe";

    private final NotificationStore store;
    private final FeedKeys keys;

    Unsubscribe(NotificationStore store, FeedKeys keys) {
        this.store = store;
        this.keys = keys;
    }

    static String path(MemberId member, NotificationKind kind, FeedKeys keys) {
        return "/notifications/unsubscribe/" + member.value() + "/" + kind.slug() + "/"
                + keys.sign(PURPOSE, member.value() + ":" + kind.slug());
    }

    @GetMapping("/notifications/unsubscribe/{member}/{kind}/{signature}")
    String showUnsubscribe(
            @PathVariable long member, @PathVariable String kind, @PathVariable String signature, Model model) {
        model.addAttribute("kind", checked(member, kind, signature));
        model.addAttribute("done", false);
        return "feed/unsubscribe";
    }

    @PostMapping("/notifications/unsubscribe/{member}/{kind}/{signature}")
    String processUnsubscribe(
            @PathVariable long member, @PathVariable String kind, @PathVariable String signature, Model model) {
        NotificationKind checked = checked(member, kind, signature);
        store.choose(MemberId.of(member), checked, NotificationKind.EmailChoice.OFF);
        model.addAttribute("kind", checked);
        model.addAttribute("done", true);
        return "feed/unsubscribe";
    }

    private NotificationKind checked(long member, String kind, String signature) {
        if (!keys.verify(PURPOSE, member + ":" + kind, signature)) {
            throw new NotFoundException("unsubscribe link");
        }
        return NotificationKind.fromSlug(kind).orElseThrow(() -> new NotFoundException("kind " + kind));
    }
}
