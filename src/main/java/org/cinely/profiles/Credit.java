package org.cinely.profiles;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Locale;
import org.cinely.platform.Craft;
import org.cinely.platform.CraftSlugConverter;
import org.cinely.platform.ProductionType;

/** One line of a member's filmography. */
@Entity
@Table(name = "profile_credits")
class Credit {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private Long memberId;
    private String title;
    private String titleKey;
    private int releaseYear;

    @Enumerated(EnumType.STRING)
    private ProductionType productionType;

    @Column(name = "craft")
    @Convert(converter = CraftSlugConverter.class)
    private Craft craft;

    private Long workId;
    private Instant createdAt;

    protected Credit() {}

    Credit(long memberId, Instant now) {
        this.memberId = memberId;
        this.createdAt = now;
    }

    void update(CreditForm.Checked checked) {
        this.title = checked.title();
        this.titleKey = titleKey(checked.title());
        this.releaseYear = checked.year();
        this.productionType = checked.type();
        this.craft = checked.craft();
        this.workId = checked.workId();
    }

    /** Lower case, single spaces: "The  Night Shift" and "the night shift" are one production. */
    static String titleKey(String title) {
        return title.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }

    Long getId() {
        return id;
    }

    Long getMemberId() {
        return memberId;
    }

    String getTitle() {
        return title;
    }

    int getReleaseYear() {
        return releaseYear;
    }

    ProductionType getProductionType() {
        return productionType;
    }

    Craft getCraft() {
        return craft;
    }

    Long getWorkId() {
        return workId;
    }
}
