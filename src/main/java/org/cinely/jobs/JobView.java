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

/** A listing as its page shows it. */
record JobView(
        long id,
        String title,
        String productionTitle,
        ProductionType productionType,
        String company,
        String location,
        boolean remote,
        LocalDate startDate,
        LocalDate endDate,
        Compensation compensation,
        BigDecimal payAmount,
        PayUnit payUnit,
        String payCurrency,
        UnionStatus unionStatus,
        RichText description,
        boolean wantsReel,
        boolean wantsCredits,
        boolean wantsCoverNote,
        LocalDate applicationDeadline,
        List<Craft> crafts,
        Instant createdAt,
        Instant expiresAt,
        ListingState state,
        boolean pastDeadline,
        String posterHandle,
        String posterName) {

    static JobView of(JobListing listing, Instant now, String posterHandle, String posterName) {
        return new JobView(
                listing.getId(),
                listing.getTitle(),
                listing.getProductionTitle(),
                listing.getProductionType(),
                listing.getCompany(),
                Places.join(listing.getLocationCity(), listing.getLocationCountry()),
                listing.isRemote(),
                listing.getStartDate(),
                listing.getEndDate(),
                listing.getCompensation(),
                listing.getPayAmount(),
                listing.getPayUnit(),
                listing.getPayCurrency(),
                listing.getUnionStatus(),
                RichText.of(listing.getDescription()),
                listing.isWantsReel(),
                listing.isWantsCredits(),
                listing.isWantsCoverNote(),
                listing.getApplicationDeadline(),
                List.copyOf(listing.getCrafts()),
                listing.getCreatedAt(),
                listing.getExpiresAt(),
                listing.state(now),
                listing.pastDeadline(now),
                posterHandle,
                posterName);
    }

    public boolean paid() {
        return compensation == Compensation.PAID;
    }

    public boolean open() {
        return state == ListingState.OPEN;
    }

    public java.time.LocalDate postedOn() {
        return createdAt.atOffset(java.time.ZoneOffset.UTC).toLocalDate();
    }

    public java.time.LocalDate expiresOn() {
        return expiresAt.atOffset(java.time.ZoneOffset.UTC).toLocalDate();
    }
}
