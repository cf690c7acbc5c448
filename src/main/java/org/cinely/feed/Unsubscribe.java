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

    /** The daily digest's own link: it turns every kind now mailed daily off. */
    static final String DIGEST = "digest";

    static String path(MemberId member, NotificationKind kind, FeedKeys keys) {
        return path(member, kind.slug(), keys);
    }

    static String path(MemberId member, String what, FeedKeys keys) {
        return "/notifications/unsubscribe/" + member.value() + "/" + what + "/"
                + keys.sign(PURPOSE, member.value() + ":" + what);
    }

    @GetMapping("/notifications/unsubscribe/{member}/{kind}/{signature}")
    String showUnsubscribe(
            @PathVariable long member, @PathVariable String kind, @PathVariable String signature, Model model) {
        checked(member, kind, signature);
        model.addAttribute("what", what(kind));
        model.addAttribute("done", false);
        return "feed/unsubscribe";
    }

    @PostMapping("/notifications/unsubscribe/{member}/{kind}/{signature}")
    String processUnsubscribe(
            @PathVariable long member, @PathVariable String kind, @PathVariable String signature, Model model) {
        checked(member, kind, signature);
        MemberId who = MemberId.of(member);
        if (DIGEST.equals(kind)) {
            store.choices(who).forEach((each, choice) -> {
                if (choice == NotificationKind.EmailChoice.DAILY) {
                    store.choose(who, each, NotificationKind.EmailChoice.OFF);
                }
            });
        } else {
            store.choose(who, NotificationKind.fromSlug(kind).orElseThrow(), NotificationKind.EmailChoice.OFF);
        }
        model.addAttribute("what", what(kind));
        model.addAttribute("done", true);
        return "feed/unsubscribe";
    }

    /** The message key naming what the link turns off. */
    private static String what(String kind) {
        return DIGEST.equals(kind)
                ? "notification.kind.digest"
                : NotificationKind.fromSlug(kind).orElseThrow().messageKey();
    }

    private void checked(long member, String kind, String signature) {
        if (!keys.verify(PURPOSE, member + ":" + kind, signature)) {
            throw new NotFoundException("unsubscribe link");
        }
        if (!DIGEST.equals(kind) && NotificationKind.fromSlug(kind).isEmpty()) {
            throw new NotFoundException("kind " + kind);
        }
    }
}
