package org.cinely.accounts;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** The two forms of the password reset: ask for a link, then choose a new password. */
final class PasswordResetForms {

    private PasswordResetForms() {}

    record RequestResetForm(
            @NotBlank(message = "{signup.email.required}")
            @Size(max = 254, message = "{signup.email.too-long}")
            @Email(message = "{signup.email.invalid}")
            String email) {}

    record ChooseNewPasswordForm(String token, String password, String passwordConfirmation) {}
}
