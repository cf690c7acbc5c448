package org.cinely.profiles;

import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.cinely.platform.Craft;

/**
 * What a member types on /settings/profile. Lengths are checked here, for every text field
 * (over-long input is refused, never cut, and nothing else is checked then); the rest (crafts, links, rate, dates) by {@link ProfilePolicy}; the display name and
 * handle belong to the account and are checked by accounts with the rules of sign-up.
 */
record ProfileForm(
        @Size(max = 80, message = "{signup.displayName.too-long}")
        String displayName,

        @Size(max = 30, message = "{handle.too-long}") String handle,

        @Size(max = 120, message = "{profile.form.headline.too-long}")
        String headline,

        @Size(max = 80, message = "{profile.form.city.too-long}")
        String city,

        @Size(max = 80, message = "{profile.form.country.too-long}")
        String country,

        @Size(max = 2000, message = "{profile.form.bio.too-long}")
        String bio,

        List<String> crafts,

        @Size(max = 40, message = "{form.choice.too-long}") String availability,

        @Size(max = 20, message = "{typeMismatch.busyUntil}")
        String busyUntil,

        @Size(max = 20, message = "{typeMismatch.dayRate}") String dayRate,

        @Size(max = 10, message = "{form.choice.too-long}") String currency,

        @Size(max = 300, message = "{profile.form.link.too-long}")
        String website,

        @Size(max = 300, message = "{profile.form.link.too-long}")
        String imdb,

        @Size(max = 300, message = "{profile.form.link.too-long}")
        String vimeo,

        @Size(max = 300, message = "{profile.form.link.too-long}")
        String youtube,

        @Size(max = 300, message = "{profile.form.link.too-long}")
        String instagram,

        @Size(max = 20, message = "{form.choice.too-long}") String visibility) {

    static ProfileForm of(Profile p) {
        return new ProfileForm(
                p.getDisplayName(),
                p.getHandle(),
                p.getHeadline(),
                p.getLocationCity(),
                p.getLocationCountry(),
                p.getBio(),
                p.getCrafts().stream().map(Craft::slug).toList(),
                p.getAvailability() == null ? "" : p.getAvailability().slug(),
                p.getBusyUntil() == null ? "" : p.getBusyUntil().toString(),
                p.getDayRate() == null ? "" : p.getDayRate().toString(),
                p.getDayRateCurrency(),
                p.getWebsiteUrl(),
                p.getImdbUrl(),
                p.getVimeoUrl(),
                p.getYoutubeUrl(),
                p.getInstagramUrl(),
                p.getVisibility().name());
    }

    public List<String> selectedCrafts() {
        return crafts == null ? List.of() : crafts;
    }

    boolean hasCraft(String slug) {
        return selectedCrafts().contains(slug);
    }

    /** Typed as text so that a typo is a field error, not a form that cannot be built. */
    Optional<LocalDate> busyUntilValue() {
        String value = trimmed(busyUntil);
        if (value == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.parse(value));
        } catch (java.time.format.DateTimeParseException e) {
            return Optional.empty();
        }
    }

    boolean busyUntilGiven() {
        return trimmed(busyUntil) != null;
    }

    Optional<Integer> dayRateValue() {
        String value = trimmed(dayRate);
        if (value == null || !value.matches("\\d{1,9}")) {
            return Optional.empty();
        }
        return Optional.of(Integer.parseInt(value));
    }

    boolean dayRateGiven() {
        return trimmed(dayRate) != null;
    }

    Optional<Availability> availabilityValue() {
        return Availability.fromSlug(availability);
    }

    /** Blank means "not given": stored as null. */
    String trimmed(String value) {
        if (value == null) {
            return null;
        }
        String stripped = value.strip();
        return stripped.isEmpty() ? null : stripped;
    }

    /** Keeps the member's line breaks (normalised to \n), drops trailing space. */
    String trimmedBio() {
        String stripped = trimmed(bio);
        return stripped == null ? null : stripped.replace("\r\n", "\n").replace('\r', '\n');
    }
}
