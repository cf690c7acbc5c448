package org.cinely.profiles;

import java.util.List;

/** A member as the directory and other modules show them: name, handle, headline, crafts. */
public record ProfileCard(
        long memberId, String handle, String displayName, String headline, String location, List<Craft> crafts) {

    static ProfileCard of(Profile profile) {
        String location = joinLocation(profile.getLocationCity(), profile.getLocationCountry());
        return new ProfileCard(
                profile.getMemberId(),
                profile.getHandle(),
                profile.getDisplayName(),
                profile.getHeadline(),
                location,
                List.copyOf(profile.getCrafts()));
    }

    private static String joinLocation(String city, String country) {
        if (city == null || city.isBlank()) {
            return country;
        }
        return country == null || country.isBlank() ? city : city + ", " + country;
    }

    public String initial() {
        return displayName.isEmpty() ? "?" : displayName.substring(0, displayName.offsetByCodePoints(0, 1));
    }
}
