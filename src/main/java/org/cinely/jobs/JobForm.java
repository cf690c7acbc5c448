package org.cinely.jobs;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import org.cinely.jobs.JobTypes.Compensation;
import org.cinely.jobs.JobTypes.PayUnit;
import org.cinely.jobs.JobTypes.UnionStatus;
import org.cinely.platform.Craft;
import org.cinely.platform.ProductionType;
import org.springframework.format.annotation.DateTimeFormat;

/**
 * What a poster types on /jobs/new and /jobs/{id}/edit. Field-level rules are annotations;
 * rules across fields (dates, pay, location) are checked by {@link JobRules}.
 */
record JobForm(
        @NotBlank(message = "{job.form.title.required}") @Size(max = 120, message = "{job.form.title.too-long}")
        String title,

        @NotEmpty(message = "{job.form.crafts.required}") @Size(max = 8, message = "{job.form.crafts.too-many}")
        List<String> crafts,

        @NotBlank(message = "{job.form.productionTitle.required}")
        @Size(max = 120, message = "{job.form.productionTitle.too-long}")
        String productionTitle,

        @NotNull(message = "{job.form.productionType.required}")
        ProductionType productionType,

        @NotBlank(message = "{job.form.company.required}") @Size(max = 120, message = "{job.form.company.too-long}")
        String company,

        @Size(max = 80, message = "{job.form.city.too-long}")
        String city,

        @Size(max = 80, message = "{job.form.country.too-long}")
        String country,

        Boolean remote,

        @NotNull(message = "{job.form.startDate.required}") @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
        LocalDate startDate,

        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate endDate,

        @NotNull(message = "{job.form.compensation.required}")
        Compensation compensation,

        BigDecimal payAmount,
        PayUnit payUnit,

        @Size(max = 10, message = "{form.choice.too-long}") String payCurrency,

        @NotNull(message = "{job.form.unionStatus.required}")
        UnionStatus unionStatus,

        @NotBlank(message = "{job.form.description.required}")
        @Size(max = 8000, message = "{job.form.description.too-long}")
        String description,

        Boolean wantsReel,
        Boolean wantsCredits,
        Boolean wantsCoverNote,

        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate applicationDeadline,

        @Min(value = 1, message = "{job.form.runsForDays.range}")
        @Max(value = JobListing.MAX_RUN_DAYS, message = "{job.form.runsForDays.range}")
        Integer runsForDays) {

    /** An unticked checkbox sends nothing: false. */
    JobForm {
        remote = Boolean.TRUE.equals(remote);
        wantsReel = Boolean.TRUE.equals(wantsReel);
        wantsCredits = Boolean.TRUE.equals(wantsCredits);
        wantsCoverNote = Boolean.TRUE.equals(wantsCoverNote);
    }

    static JobForm empty() {
        return new JobForm(
                "",
                List.of(),
                "",
                null,
                "",
                "",
                "",
                false,
                null,
                null,
                null,
                null,
                PayUnit.DAY,
                "USD",
                UnionStatus.EITHER,
                "",
                true,
                true,
                true,
                null,
                JobListing.DEFAULT_RUN_DAYS);
    }

    /** The chosen crafts that exist, in the order given, without repeats. */
    List<Craft> craftList() {
        if (crafts == null) {
            return List.of();
        }
        return crafts.stream()
                .map(Craft::fromSlug)
                .flatMap(java.util.Optional::stream)
                .distinct()
                .toList();
    }

    public boolean hasCraft(String slug) {
        return crafts != null && crafts.contains(slug);
    }

    static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    boolean sameAs(JobForm other) {
        return Objects.equals(this, other);
    }
}
