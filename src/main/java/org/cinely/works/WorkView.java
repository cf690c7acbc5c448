package org.cinely.works;

import java.util.List;
import org.cinely.platform.MemberId;
import org.cinely.platform.ProductionType;

/** A work as its pages show it. */
public record WorkView(
        long id,
        MemberId owner,
        String title,
        String description,
        ProductionType productionType,
        Integer productionYear,
        List<String> tagList,
        Visibility visibility,
        boolean playable,
        int likeCount,
        int commentCount) {}
