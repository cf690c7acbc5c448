package org.cinely.jobs;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.cinely.jobs.JobTypes.Compensation;
import org.cinely.jobs.JobTypes.ListingState;
import org.cinely.jobs.JobTypes.PayUnit;
import org.cinely.jobs.JobTypes.UnionStatus;
import org.cinely.platform.Craft;
import org.cinely.platform.ProductionType;

/** A listing as the board and lists show it. */
record JobCard(
        long id,
        String title,
        String productionTitle,
        ProductionType productionType,
        String company,
        String city,
        String country,
        boolean remote,
        LocalDate startDate,
        LocalDate endDate,
        Compensation compensation,
        BigDecimal payAmount,
        PayUnit payUnit,
        String payCurrency,
        UnionStatus unionStatus,
        List<Craft> crafts,
        Instant createdAt,
        Instant expiresAt,
        LocalDate applicationDeadline,
        ListingState state) {

    public String location() {
        return Places.join(city, country);
    }

    public boolean paid() {
        return compensation == Compensation.PAID;
    }

    public java.time.LocalDate postedOn() {
        return createdAt.atOffset(java.time.ZoneOffset.UTC).toLocalDate();
    }

    public java.time.LocalDate expiresOn() {
        return expiresAt.atOffset(java.time.ZoneOffset.UTC).toLocalDate();
    }
}
