package org.cinely.profiles;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.cinely.platform.Craft;
import org.junit.jupiter.api.Test;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.Errors;

class ProfilePolicyTests {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 26);

    static ProfileForm form(List<String> crafts, String availability, String busyUntil, String rate, String currency) {
        return new ProfileForm(
                "Sam Whitfield",
                "sam-whitfield",
                "Gaffer",
                "Berlin",
                "Germany",
                "bio",
                crafts,
                availability,
                busyUntil,
                rate,
                currency,
                "",
                "",
                "",
                "",
                "",
                "PUBLIC");
    }

    static Errors check(ProfileForm form) {
        Errors errors = new BeanPropertyBindingResult(form, "form");
        ProfilePolicy.check(form, TODAY, errors);
        return errors;
    }

    @Test
    void acceptsAFullProfileAndKeepsCraftOrderWithoutDuplicates() {
        ProfileForm form = form(List.of("gaffer", "electrician", "gaffer"), "busy", "2026-12-24", "650", "EUR");
        Errors errors = new BeanPropertyBindingResult(form, "form");
        assertThat(ProfilePolicy.check(form, TODAY, errors)).containsExactly(Craft.GAFFER, Craft.ELECTRICIAN);
        assertThat(errors.hasErrors()).isFalse();
    }

    @Test
    void busyNeedsAFutureDateWithinThreeYears() {
        assertThat(check(form(List.of("gaffer"), "busy", "", null, null))
                        .getFieldError("busyUntil")
                        .getCode())
                .isEqualTo("profile.form.busy-until.required");
        assertThat(check(form(List.of("gaffer"), "busy", "2026-11-25", null, null))
                        .getFieldError("busyUntil")
                        .getCode())
                .isEqualTo("profile.form.busy-until.past");
        assertThat(check(form(List.of("gaffer"), "busy", "2030-01-01", null, null))
                        .getFieldError("busyUntil")
                        .getCode())
                .isEqualTo("profile.form.busy-until.too-far");
        assertThat(check(form(List.of("gaffer"), "busy", "next week", null, null))
                        .getFieldError("busyUntil")
                        .getCode())
                .isEqualTo("typeMismatch.busyUntil");
    }

    @Test
    void aDayRateNeedsAWholeNumberAndAKnownCurrency() {
        assertThat(check(form(List.of("gaffer"), "", null, "450.50", "EUR"))
                        .getFieldError("dayRate")
                        .getCode())
                .isEqualTo("typeMismatch.dayRate");
        assertThat(check(form(List.of("gaffer"), "", null, "0", "EUR"))
                        .getFieldError("dayRate")
                        .getCode())
                .isEqualTo("profile.form.day-rate.range");
        assertThat(check(form(List.of("gaffer"), "", null, "450", ""))
                        .getFieldError("currency")
                        .getCode())
                .isEqualTo("profile.form.currency.required");
        assertThat(check(form(List.of("gaffer"), "", null, "450", "XYZ"))
                        .getFieldError("currency")
                        .getCode())
                .isEqualTo("profile.form.currency.unknown");
    }

    @Test
    void craftsAreRequiredKnownAndLimited() {
        assertThat(check(form(List.of(), "", null, null, null))
                        .getFieldError("crafts")
                        .getCode())
                .isEqualTo("profile.form.crafts.required");
        assertThat(check(form(List.of("wizard"), "", null, null, null))
                        .getFieldError("crafts")
                        .getCode())
                .isEqualTo("profile.form.crafts.unknown");
        List<String> nine =
                List.of("director", "producer", "writer", "gaffer", "grip", "editor", "colorist", "actor", "composer");
        assertThat(check(form(nine, "", null, null, null))
                        .getFieldError("crafts")
                        .getCode())
                .isEqualTo("profile.form.crafts.too-many");
    }
}
