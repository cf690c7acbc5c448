package org.cinely.profiles;

import java.time.Clock;
import java.util.Optional;
import java.util.Set;
import org.cinely.platform.MemberId;
import org.cinely.platform.moderation.ContentKind;
import org.cinely.platform.moderation.ContentModeration;
import org.cinely.platform.moderation.ContentRef;
import org.cinely.platform.moderation.ContentSnapshot;
import org.cinely.platform.moderation.ModerationState;
import org.cinely.platform.moderation.Standing;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Profiles as the moderation module sees them (a profile's id is its member's id). */
@Component
class ProfilesContentModeration implements ContentModeration {

    private final ProfileRepository profiles;
    private final Clock clock;

    ProfilesContentModeration(ProfileRepository profiles, Clock clock) {
        this.profiles = profiles;
        this.clock = clock;
    }

    @Override
    public Set<ContentKind> kinds() {
        return Set.of(ContentKind.PROFILE);
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<ContentSnapshot> snapshot(ContentRef ref) {
        return profiles.findById(ref.id())
                .map(p -> new ContentSnapshot(
                        ref,
                        MemberId.of(p.getMemberId()),
                        p.getDisplayName() + " (@" + p.getHandle() + ")",
                        String.join("\n\n", nonNull(p.getHeadline()), nonNull(p.getBio()))
                                .strip(),
                        "/members/" + p.getHandle(),
                        ProfileCard.of(p, java.time.LocalDate.now(clock)).avatarUrl(),
                        p.getModerationState(),
                        p.getUpdatedAt()));
    }

    @Override
    @Transactional
    public boolean moderate(ContentRef ref, ModerationState state) {
        return profiles.findById(ref.id())
                .map(profile -> {
                    profile.moderate(state);
                    profiles.flush(); // in the decision's transaction, before anything reads the directory
                    return true;
                })
                .orElse(false);
    }

    @Override
    @Transactional
    public void applyStanding(MemberId author, Standing standing) {
        profiles.findById(author.value()).ifPresent(profile -> {
            profile.applyStanding(standing);
            profiles.flush();
        });
    }

    private static String nonNull(String text) {
        return text == null ? "" : text;
    }
}
