package org.cinely.profiles;

import java.time.LocalDate;
import java.util.List;
import org.cinely.platform.Craft;

/**
 * A member as lists show them: name, handle, headline, crafts, location, availability, avatar.
 * {@link #limited()} is what an anonymous visitor may see of a members-only profile.
 */
public record ProfileCard(
        long memberId,
        String handle,
        String displayName,
        String headline,
        String location,
        List<Craft> crafts,
        Availability availability,
        LocalDate busyUntil,
        Long avatarVersion) {

    static ProfileCard of(Profile profile, LocalDate today) {
        return new ProfileCard(
                profile.getMemberId(),
                profile.getHandle(),
                profile.getDisplayName(),
                profile.getHeadline(),
                joinLocation(profile.getLocationCity(), profile.getLocationCountry()),
                List.copyOf(profile.getCrafts()),
                effectiveAvailability(profile.getAvailability(), profile.getBusyUntil(), today),
                profile.getBusyUntil(),
                profile.getAvatarVersion());
    }

    static String joinLocation(String city, String country) {
        if (city == null || city.isBlank()) {
            return country == null || country.isBlank() ? null : country;
        }
        return country == null || country.isBlank() ? city : city + ", " + country;
    }

    /** "Busy until" a day that has passed means available again. */
    static Availability effectiveAvailability(Availability availability, LocalDate busyUntil, LocalDate today) {
        if (availability == Availability.BUSY && busyUntil != null && busyUntil.isBefore(today)) {
            return Availability.AVAILABLE;
        }
        return availability;
    }

    /** Name, handle and crafts only. */
    public ProfileCard limited() {
        return new ProfileCard(memberId, handle, displayName, null, null, crafts, null, null, null);
    }

    public String initial() {
        return displayName.isEmpty() ? "?" : displayName.substring(0, displayName.offsetByCodePoints(0, 1));
    }

    public String avatarUrl() {
        return avatarVersion == null ? null : "/members/" + handle + "/avatar?v=" + avatarVersion;
    }

    public boolean busy() {
        return availability == Availability.BUSY && busyUntil != null;
    }
}
