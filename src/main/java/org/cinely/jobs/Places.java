package org.cinely.jobs;

final class Places {

    private Places() {}

    static String join(String city, String country) {
        if (city == null || city.isBlank()) {
            return country;
        }
        return country == null || country.isBlank() ? city : city + ", " + country;
    }
}
