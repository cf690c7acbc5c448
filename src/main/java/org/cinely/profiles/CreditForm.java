package org.cinely.profiles;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.cinely.platform.Craft;
import org.cinely.platform.ProductionType;
import org.springframework.validation.Errors;

/** A credit as typed on /settings/profile: production title, year, type, role, optional work link. */
record CreditForm(
        @NotBlank(message = "{credit.form.title.required}") @Size(max = 150, message = "{credit.form.title.too-long}")
        String title,

        @NotBlank(message = "{credit.form.year.required}") @Size(max = 10, message = "{typeMismatch.releaseYear}")
        String releaseYear,

        @Size(max = 40, message = "{form.choice.too-long}") String productionType,

        @Size(max = 40, message = "{form.choice.too-long}") String role,

        @Size(max = 300, message = "{profile.form.link.too-long}")
        String workLink) {

    static final int FIRST_FILM_YEAR = 1888;
    private static final Pattern WORK_PATH = Pattern.compile("^/works/(\\d{1,18})/?$");

    static CreditForm empty() {
        return new CreditForm("", "", "FEATURE", "", "");
    }

    static CreditForm of(Credit credit) {
        return new CreditForm(
                credit.getTitle(),
                Integer.toString(credit.getReleaseYear()),
                credit.getProductionType().name(),
                credit.getCraft().slug(),
                credit.getWorkId() == null ? "" : "/works/" + credit.getWorkId());
    }

    /** The checked values, or field errors. */
    record Checked(String title, int year, ProductionType type, Craft craft, Long workId) {}

    Optional<Checked> check(LocalDate today, Errors errors) {
        Integer year = null;
        if (!errors.hasFieldErrors("releaseYear") && releaseYear != null) {
            year = releaseYear.strip().matches("\\d{4}") ? Integer.valueOf(releaseYear.strip()) : null;
            if (year == null) {
                errors.rejectValue("releaseYear", "typeMismatch.releaseYear");
            } else if (year < FIRST_FILM_YEAR || year > today.getYear() + 5) {
                errors.rejectValue(
                        "releaseYear",
                        "credit.form.year.range",
                        new Object[] {FIRST_FILM_YEAR, today.getYear() + 5},
                        null);
            }
        }
        ProductionType type = null;
        try {
            type = productionType == null ? null : ProductionType.valueOf(productionType);
        } catch (IllegalArgumentException unknown) {
            // reported below
        }
        if (type == null || !ProductionType.FOR_CREDITS.contains(type)) {
            errors.rejectValue("productionType", "credit.form.type.required");
        }
        Optional<Craft> craft = Craft.fromSlug(role);
        if (craft.isEmpty()) {
            errors.rejectValue("role", "credit.form.role.required");
        }
        if (title != null && title.chars().anyMatch(Character::isISOControl)) {
            errors.rejectValue("title", "profile.form.control-characters");
        }
        Long workId = null;
        if (workLink != null && !workLink.isBlank() && !errors.hasFieldErrors("workLink")) {
            Matcher matcher = WORK_PATH.matcher(workLink.strip());
            if (matcher.matches()) {
                workId = Long.parseLong(matcher.group(1));
            } else {
                errors.rejectValue("workLink", "credit.form.work-link.invalid");
            }
        }
        if (errors.hasErrors()) {
            return Optional.empty();
        }
        return Optional.of(new Checked(title.strip().replaceAll("\\s+", " "), year, type, craft.get(), workId));
    }
}
