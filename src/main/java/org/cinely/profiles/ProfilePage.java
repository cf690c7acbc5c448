package org.cinely.profiles;

import java.util.List;
import org.cinely.platform.Craft;
import org.cinely.platform.ProductionType;
import org.cinely.platform.text.Links;

/**
 * Everything the profile page shows, already cut to what this viewer may see: {@code limited}
 * means name, handle and crafts only (an anonymous visitor of a members-only profile, or a member
 * the owner blocked).
 */
record ProfilePage(
        ProfileCard card,
        boolean limited,
        boolean owner,
        List<Links.Piece> bio,
        Integer dayRate,
        String currency,
        List<Link> links,
        Visibility visibility,
        List<CreditView> credits,
        MemberRelations.Relation relation,
        List<ProfileCard> mutual,
        String moderationNotice) {

    record Link(String labelKey, String href, String text) {}

    record CreditView(long id, String title, int year, ProductionType type, Craft role, Long workId) {

        static CreditView of(Credit credit) {
            return new CreditView(
                    credit.getId(),
                    credit.getTitle(),
                    credit.getReleaseYear(),
                    credit.getProductionType(),
                    credit.getCraft(),
                    credit.getWorkId());
        }
    }
}
