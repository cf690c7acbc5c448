package org.cinely.jobs;

/** The id of a job listing. */
public record JobId(long value) {

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
