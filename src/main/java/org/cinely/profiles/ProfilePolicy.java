package org.cinely.profiles;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.cinely.platform.Craft;
import org.springframework.validation.Errors;

/** The rules of a profile beyond field lengths; each broken rule becomes a field error. */
final class ProfilePolicy {

    static final int MAX_CRAFTS = 8;
    static final int MAX_DAY_RATE = 1_000_000;
    static final Set<String> CURRENCIES = Set.of(
            "EUR", "USD", "GBP", "CAD", "AUD", "NZD", "CHF", "SEK", "NOK", "DKK", "PLN", "CZK", "HUF", "JPY", "KRW",
            "CNY", "INR", "BRL", "MXN", "ARS", "ZAR", "NGN", "GHS", "KES", "EGP", "ILS", "TRY", "AED");

    private ProfilePolicy() {}

    static List<String> currencies() {
        return CURRENCIES.stream().sorted().toList();
    }

    /** Checks the form and returns the crafts it names (in the member's order). */
    static List<Craft> check(ProfileForm form, LocalDate today, Errors errors) {
        List<Craft> crafts = new ArrayList<>();
        for (String slug : form.selectedCrafts()) {
            Optional<Craft> craft = Craft.fromSlug(slug);
            if (craft.isEmpty()) {
                errors.rejectValue("crafts", "profile.form.crafts.unknown");
                return List.of();
            }
            if (!crafts.contains(craft.get())) {
                crafts.add(craft.get());
            }
        }
        if (crafts.isEmpty()) {
            errors.rejectValue("crafts", "profile.form.crafts.required");
        } else if (crafts.size() > MAX_CRAFTS) {
            errors.rejectValue("crafts", "profile.form.crafts.too-many", new Object[] {MAX_CRAFTS}, null);
        }
        for (String field : List.of("headline", "city", "country")) {
            String value = (String) errors.getFieldValue(field);
            if (value != null && value.chars().anyMatch(Character::isISOControl)) {
                errors.rejectValue(field, "profile.form.control-characters");
            }
        }
        if (form.bio() != null
                && form.bio().chars().anyMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t')) {
            errors.rejectValue("bio", "profile.form.control-characters");
        }
        boolean availabilityGiven =
                form.availability() != null && !form.availability().isBlank();
        if (availabilityGiven && form.availabilityValue().isEmpty()) {
            errors.rejectValue("availability", "profile.form.availability.unknown");
        }
        if (form.busyUntilGiven() && form.busyUntilValue().isEmpty()) {
            errors.rejectValue("busyUntil", "typeMismatch.busyUntil");
        } else if (form.availabilityValue().orElse(null) == Availability.BUSY) {
            LocalDate until = form.busyUntilValue().orElse(null);
            if (until == null) {
                errors.rejectValue("busyUntil", "profile.form.busy-until.required");
            } else if (until.isBefore(today)) {
                errors.rejectValue("busyUntil", "profile.form.busy-until.past");
            } else if (until.isAfter(today.plusYears(3))) {
                errors.rejectValue("busyUntil", "profile.form.busy-until.too-far");
            }
        }
        if (form.dayRateGiven()) {
            Integer rate = form.dayRateValue().orElse(null);
            if (rate == null) {
                errors.rejectValue("dayRate", "typeMismatch.dayRate");
            } else if (rate < 1 || rate > MAX_DAY_RATE) {
                errors.rejectValue("dayRate", "profile.form.day-rate.range", new Object[] {MAX_DAY_RATE}, null);
            }
            String currency = form.trimmed(form.currency());
            if (currency == null) {
                errors.rejectValue("currency", "profile.form.currency.required");
            } else if (!CURRENCIES.contains(currency)) {
                errors.rejectValue("currency", "profile.form.currency.unknown");
            }
        }
        link(errors, "website", form.website(), LinkPolicy.Service.WEBSITE);
        link(errors, "imdb", form.imdb(), LinkPolicy.Service.IMDB);
        link(errors, "vimeo", form.vimeo(), LinkPolicy.Service.VIMEO);
        link(errors, "youtube", form.youtube(), LinkPolicy.Service.YOUTUBE);
        link(errors, "instagram", form.instagram(), LinkPolicy.Service.INSTAGRAM);
        if (form.visibility() != null && !Set.of("PUBLIC", "MEMBERS").contains(form.visibility())) {
            errors.rejectValue("visibility", "profile.form.visibility.unknown");
        }
        return crafts;
    }

    private static void link(Errors errors, String field, String value, LinkPolicy.Service service) {
        if (errors.hasFieldErrors(field)) {
            return;
        }
        LinkPolicy.problem(value, service).ifPresent(code -> errors.rejectValue(field, code));
    }
}
