package org.cinely.accounts;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** What a newcomer types on /signup. Handle and password rules are checked by their policies. */
record SignUpForm(
        @NotBlank(message = "{signup.email.required}")
        @Size(max = 254, message = "{signup.email.too-long}")
        @Email(message = "{signup.email.invalid}")
        String email,

        @NotBlank(message = "{signup.displayName.required}") @Size(max = 80, message = "{signup.displayName.too-long}")
        String displayName,

        String handle,
        String password) {

    static SignUpForm empty() {
        return new SignUpForm("", "", "", "");
    }

    String normalizedHandle() {
        return handle == null ? "" : handle.trim().toLowerCase(java.util.Locale.ROOT);
    }

    String trimmedDisplayName() {
        return displayName == null ? "" : displayName.strip();
    }
}
