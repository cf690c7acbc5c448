package org.cinely.moderation;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.cinely.platform.MemberId;
import org.cinely.platform.moderation.ContentKind;
import org.cinely.platform.moderation.ContentModeration;
import org.cinely.platform.moderation.ContentRef;
import org.cinely.platform.moderation.ContentSnapshot;
import org.cinely.platform.moderation.ModerationState;
import org.cinely.platform.moderation.Standing;
import org.springframework.stereotype.Component;

/** The content modules' {@link ContentModeration} ports, by kind of content. */
@Component
class Contents {

    private final List<ContentModeration> modules;
    private final Map<ContentKind, ContentModeration> byKind = new EnumMap<>(ContentKind.class);

    Contents(List<ContentModeration> modules) {
        this.modules = modules;
        for (ContentModeration module : modules) {
            module.kinds().forEach(kind -> byKind.put(kind, module));
        }
    }

    Optional<ContentSnapshot> snapshot(ContentRef ref) {
        ContentModeration module = byKind.get(ref.kind());
        return module == null ? Optional.empty() : module.snapshot(ref);
    }

    boolean moderate(ContentRef ref, ModerationState state) {
        ContentModeration module = byKind.get(ref.kind());
        return module != null && module.moderate(ref, state);
    }

    /** Every module applies the member's standing to what they wrote, in the caller's transaction. */
    void applyStanding(MemberId member, Standing standing) {
        modules.forEach(module -> module.applyStanding(member, standing));
    }
}
