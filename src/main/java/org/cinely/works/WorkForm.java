package org.cinely.works;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.cinely.platform.ProductionType;

/**
 * A work's details as typed. Credits are one per line, "@handle craft" (for example
 * "@maya-okafor cinematographer").
 */
record WorkForm(
        @NotBlank @Size(max = 120, message = "{work.form.title.too-long}")
        String title,

        @Size(max = 4000, message = "{work.form.description.too-long}")
        String description,

        @NotNull ProductionType type,
        @Min(1888) @Max(2100) Integer year,

        @Size(max = 300, message = "{work.form.tags.too-long}")
        String tags,

        @Size(max = 2000, message = "{work.form.credits.too-long}")
        String credits,

        @NotNull Visibility visibility) {

    static WorkForm blank() {
        return new WorkForm("", "", ProductionType.SHORT, null, "", "", Visibility.PUBLIC);
    }
}
