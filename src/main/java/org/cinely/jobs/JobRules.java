package org.cinely.jobs;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Currency;
import java.util.Locale;
import org.cinely.jobs.JobTypes.Compensation;
import org.cinely.platform.ProductionType;
import org.springframework.validation.Errors;

/**
 * The rules of a listing that span several fields: dates that make sense, pay that is real when
 * it says "Paid", a place or "remote". Each broken rule is a field error beside the field.
 */
final class JobRules {

    static final BigDecimal MAX_PAY = new BigDecimal("10000000");

    private JobRules() {}

    /**
     * @param expiresAt when the listing will expire (for the deadline check); null on a new
     *     listing, where the form's run length decides
     */
    static void check(JobForm form, Errors errors, Instant now, Instant expiresAt) {
        LocalDate today = now.atOffset(ZoneOffset.UTC).toLocalDate();
        if (form.productionType() != null && !ProductionType.FOR_JOBS.contains(form.productionType())) {
            errors.rejectValue("productionType", "job.form.productionType.required");
        }
        if (form.crafts() != null && form.craftList().size() != form.crafts().size()) {
            errors.rejectValue("crafts", "job.form.crafts.unknown");
        }
        if (!form.remote() && JobForm.blankToNull(form.city()) == null && JobForm.blankToNull(form.country()) == null) {
            errors.rejectValue("country", "job.form.location.required");
        }
        if (form.startDate() != null && form.endDate() != null && form.endDate().isBefore(form.startDate())) {
            errors.rejectValue("endDate", "job.form.endDate.before-start");
        } else if (form.endDate() != null && form.endDate().isBefore(today)) {
            errors.rejectValue("endDate", "job.form.endDate.past");
        }
        if (form.startDate() != null && form.startDate().isAfter(today.plusYears(3))) {
            errors.rejectValue("startDate", "job.form.startDate.too-far");
        }
        LocalDate deadline = form.applicationDeadline();
        if (deadline != null) {
            Instant expiry = expiresAt != null
                    ? expiresAt
                    : now.plus(java.time.Duration.ofDays(
                            form.runsForDays() == null ? JobListing.DEFAULT_RUN_DAYS : form.runsForDays()));
            LocalDate lastOpenDay = expiry.atOffset(ZoneOffset.UTC).toLocalDate();
            if (deadline.isBefore(today)) {
                errors.rejectValue("applicationDeadline", "job.form.applicationDeadline.past");
            } else if (form.endDate() != null && deadline.isAfter(form.endDate())) {
                errors.rejectValue("applicationDeadline", "job.form.applicationDeadline.after-end");
            } else if (deadline.isAfter(lastOpenDay)) {
                errors.rejectValue(
                        "applicationDeadline",
                        "job.form.applicationDeadline.after-expiry",
                        new Object[] {lastOpenDay.toString()},
                        null);
            }
        }
        if (form.compensation() == Compensation.PAID) {
            if (form.payAmount() == null) {
                if (!errors.hasFieldErrors("payAmount")) {
                    errors.rejectValue("payAmount", "job.form.payAmount.required");
                }
            } else if (form.payAmount().signum() <= 0 || form.payAmount().compareTo(MAX_PAY) >= 0) {
                errors.rejectValue("payAmount", "job.form.payAmount.range");
            } else if (form.payAmount().scale() > 2) {
                errors.rejectValue("payAmount", "job.form.payAmount.cents");
            }
            if (form.payUnit() == null) {
                errors.rejectValue("payUnit", "job.form.payUnit.required");
            }
            if (!validCurrency(form.payCurrency())) {
                errors.rejectValue("payCurrency", "job.form.payCurrency.invalid");
            }
        }
    }

    static boolean validCurrency(String code) {
        if (code == null || !code.strip().matches("[A-Za-z]{3}")) {
            return false;
        }
        try {
            Currency.getInstance(code.strip().toUpperCase(Locale.ROOT));
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
