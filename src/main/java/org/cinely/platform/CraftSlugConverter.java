package org.cinely.platform;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** Stores a {@link Craft} by its slug, the same word URLs use ({@code gaffer}, {@code first-ac}). */
@Converter
public class CraftSlugConverter implements AttributeConverter<Craft, String> {

    @Override
    public String convertToDatabaseColumn(Craft craft) {
        return craft == null ? null : craft.slug();
    }

    @Override
    public Craft convertToEntityAttribute(String slug) {
        return Craft.fromSlug(slug).orElse(Craft.OTHER);
    }
}
