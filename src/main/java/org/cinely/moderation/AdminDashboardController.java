package org.cinely.moderation;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import org.cinely.platform.admin.AdminMetrics;
import org.cinely.platform.security.CurrentMember;
import org.cinely.platform.web.Flash;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * {@code /admin}: every module's figures over the last 30 days, drawn on the server as small SVG
 * charts (no chart library), and the moderation settings.
 */
@Controller
class AdminDashboardController {

    static final int DAYS = 30;

    /** A panel ready to draw: the figures and the chart's points. */
    record Panel(AdminMetrics.Metric metric, String points) {}

    private final List<AdminMetrics> modules;
    private final ModerationSettings settings;
    private final Clock clock;

    AdminDashboardController(List<AdminMetrics> modules, ModerationSettings settings, Clock clock) {
        this.modules = modules.stream()
                .sorted(Comparator.comparingInt(AdminMetrics::order))
                .toList();
        this.settings = settings;
        this.clock = clock;
    }

    @GetMapping("/admin")
    String dashboard(Model model) {
        LocalDate today = LocalDate.now(clock);
        LocalDate since = today.minusDays(DAYS - 1);
        List<Panel> panels = modules.stream()
                .flatMap(module -> module.metrics(since, today).stream())
                .map(metric -> new Panel(metric, points(metric.perDay())))
                .toList();
        model.addAttribute("panels", panels);
        model.addAttribute("since", since);
        model.addAttribute("holdFirstItems", settings.holdsFirstItems());
        return "admin/dashboard";
    }

    @PostMapping("/admin/settings")
    @PreAuthorize("hasRole('ADMIN')")
    String settings(
            @AuthenticationPrincipal CurrentMember admin,
            @RequestParam(defaultValue = "false") boolean holdFirstItems,
            RedirectAttributes redirect) {
        settings.holdFirstItems(holdFirstItems, admin.id());
        Flash.success(redirect, "admin.settings.saved");
        return "redirect:/admin";
    }

    /** The series as SVG polyline points in a 100×40 box (null when there is no series). */
    static String points(List<Long> perDay) {
        if (perDay == null || perDay.isEmpty()) {
            return null;
        }
        long max = Math.max(1, perDay.stream().mapToLong(Long::longValue).max().orElse(1));
        double step = perDay.size() == 1 ? 0 : 100.0 / (perDay.size() - 1);
        return java.util.stream.IntStream.range(0, perDay.size())
                .mapToObj(i ->
                        String.format(java.util.Locale.ROOT, "%.1f,%.1f", i * step, 38 - 36.0 * perDay.get(i) / max))
                .collect(Collectors.joining(" "));
    }
}
