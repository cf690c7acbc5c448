package org.cinely.jobs;

import jakarta.validation.constraints.Size;
import java.util.List;

/** What an applicant sends: a cover note and the works they chose to show. */
record ApplyForm(
        @Size(max = 5000, message = "{application.form.coverNote.too-long}")
        String coverNote,

        List<Long> workIds) {

    static ApplyForm empty() {
        return new ApplyForm("", List.of());
    }

    List<Long> chosenWorks() {
        return workIds == null
                ? List.of()
                : workIds.stream().filter(java.util.Objects::nonNull).distinct().toList();
    }

    public boolean chose(long workId) {
        return workIds != null && workIds.contains(workId);
    }
}
