package org.cinely.platform.web;

import java.io.Serializable;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A one-time message shown on the page after a redirect. Holds a message key, never text, so
 * every word shown stays in messages.properties.
 */
public record Flash(Kind kind, String messageKey, Object[] args) implements Serializable {

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

    public String cssClass() {
        return "flash flash--" + kind.name().toLowerCase();
    }
}
