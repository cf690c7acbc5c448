package org.cinely.platform.web;

import java.io.Serializable;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A one-time message shown on the page after a redirect. Holds a message key, never text, so
 * every word shown stays in messages.properties. A message about something that can be taken
 * back (a deleted work, a withdrawn application, a removed connection) carries {@code undoAction},
 * the path the layout's "Undo" button posts to (with the CSRF token, like any form).
 */
public record Flash(Kind kind, String messageKey, Object[] args, String undoAction) implements Serializable {

    public Flash(Kind kind, String messageKey, Object[] args) {
        this(kind, messageKey, args, null);
    }

    public enum Kind {
        SUCCESS,
        INFO,
        ERROR
    }

    public static void success(RedirectAttributes redirect, String messageKey, Object... args) {
        redirect.addFlashAttribute("flash", new Flash(Kind.SUCCESS, messageKey, args));
    }

    public static void info(RedirectAttributes redirect, String messageKey, Object... args) {
        redirect.addFlashAttribute("flash", new Flash(Kind.INFO, messageKey, args));
    }

    public static void error(RedirectAttributes redirect, String messageKey, Object... args) {
        redirect.addFlashAttribute("flash", new Flash(Kind.ERROR, messageKey, args));
    }

    /** A success that can be taken back: the message with an "Undo" button posting to {@code undoAction}. */
    public static void undoable(RedirectAttributes redirect, String undoAction, String messageKey, Object... args) {
        redirect.addFlashAttribute("flash", new Flash(Kind.SUCCESS, messageKey, args, undoAction));
    }

    public String cssClass() {
        return "flash flash--" + kind.name().toLowerCase();
    }
}
