package org.cinely.jobs;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.cinely.platform.MemberId;

/** A board search a member keeps, to hear about new listings that match it. */
@Entity
@Table(name = "job_saved_searches")
class SavedSearch {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private Long memberId;
    private String name;
    private String query;
    private boolean emailAlerts;
    private Instant createdAt;

    protected SavedSearch() {}

    SavedSearch(MemberId member, String name, String query, boolean emailAlerts, Instant now) {
        this.memberId = member.value();
        this.name = name;
        this.query = query;
        this.emailAlerts = emailAlerts;
        this.createdAt = now;
    }

    void setEmailAlerts(boolean emailAlerts) {
        this.emailAlerts = emailAlerts;
    }

    Long getId() {
        return id;
    }

    MemberId getMember() {
        return MemberId.of(memberId);
    }

    String getName() {
        return name;
    }

    String getQuery() {
        return query;
    }

    boolean isEmailAlerts() {
        return emailAlerts;
    }

    Instant getCreatedAt() {
        return createdAt;
    }

    JobSearch criteria() {
        return JobSearch.fromQueryString(query);
    }
}
