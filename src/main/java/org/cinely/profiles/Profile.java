package org.cinely.profiles;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Converter;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.hibernate.annotations.BatchSize;

/** What a member shows others. Keyed by the account's id. */
@Entity
@Table(name = "profiles")
class Profile {

    @Id
    private Long memberId;

    private String handle;
    private String displayName;
    private String headline;
    private String locationCity;
    private String locationCountry;
    private Instant updatedAt;

    @ElementCollection
    @BatchSize(size = 100)
    @CollectionTable(name = "profile_crafts", joinColumns = @JoinColumn(name = "member_id"))
    @OrderColumn(name = "position")
    @Column(name = "craft")
    @Convert(converter = CraftSlugConverter.class)
    private List<Craft> crafts = new ArrayList<>();

    protected Profile() {}

    Profile(Long memberId, String handle, String displayName, Instant now) {
        this.memberId = memberId;
        this.handle = handle;
        this.displayName = displayName;
        this.updatedAt = now;
    }

    void describe(String headline, String city, String country, List<Craft> crafts, Instant now) {
        this.headline = headline;
        this.locationCity = city;
        this.locationCountry = country;
        this.crafts.clear();
        this.crafts.addAll(crafts);
        this.updatedAt = now;
    }

    Long getMemberId() {
        return memberId;
    }

    String getHandle() {
        return handle;
    }

    String getDisplayName() {
        return displayName;
    }

    String getHeadline() {
        return headline;
    }

    String getLocationCity() {
        return locationCity;
    }

    String getLocationCountry() {
        return locationCountry;
    }

    List<Craft> getCrafts() {
        return crafts;
    }

    /** Crafts are stored by slug, the same word URLs use. */
    @Converter
    static class CraftSlugConverter implements AttributeConverter<Craft, String> {

        @Override
        public String convertToDatabaseColumn(Craft craft) {
            return craft == null ? null : craft.slug();
        }

        @Override
        public Craft convertToEntityAttribute(String slug) {
            return Craft.fromSlug(slug).orElse(Craft.OTHER);
        }
    }
}
