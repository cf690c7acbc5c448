package org.cinely.platform.mail;

import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** Admins read the mail the site would have sent, when no SMTP server is configured. */
@Controller
class DevOutboxController {

    private final OutboxMailRepository outbox;
    private final Mailer mailer;

    DevOutboxController(OutboxMailRepository outbox, Mailer mailer) {
        this.outbox = outbox;
        this.mailer = mailer;
    }

    @GetMapping("/admin/outbox")
    @Transactional(readOnly = true)
    String showOutbox(Model model) {
        model.addAttribute("mails", outbox.findAllByOrderByIdDesc(PageRequest.of(0, 100)));
        model.addAttribute("devOutbox", mailer.usesDevOutbox());
        model.addAttribute("smtp", mailer.sendsBySmtp());
        return "admin/outbox";
    }
}
