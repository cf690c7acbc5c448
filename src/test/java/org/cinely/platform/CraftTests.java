package org.cinely.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class CraftTests {

    /**
     * Craft masks are stored in the database (profiles.craft_mask, job_search.craft_mask), bit n
     * for the craft at position n: reordering or removing a craft would make stored masks lie.
     * New crafts go at the end of the enum and of this list (and V12's FIND_IN_SET list stays as it was).
     */
    @Test
    void theOrderOfCraftsIsFixedBecauseMasksAreStored() {
        List<String> stored = List.of(
                "director",
                "producer",
                "writer",
                "cinematographer",
                "camera-operator",
                "first-ac",
                "second-ac",
                "gaffer",
                "key-grip",
                "grip",
                "electrician",
                "production-designer",
                "art-director",
                "set-decorator",
                "costume-designer",
                "hair-makeup",
                "sound-mixer",
                "boom-operator",
                "editor",
                "assistant-editor",
                "colorist",
                "vfx-artist",
                "motion-designer",
                "composer",
                "sound-designer",
                "actor",
                "casting-director",
                "production-manager",
                "assistant-director",
                "script-supervisor",
                "location-manager",
                "production-assistant",
                "other");
        List<String> now = Arrays.stream(Craft.values()).map(Craft::slug).toList();
        assertThat(now.subList(0, stored.size())).isEqualTo(stored);
    }

    @Test
    void aMaskMatchesAnyOfItsCrafts() {
        long mask = Craft.mask(List.of(Craft.GAFFER, Craft.EDITOR));
        assertThat(mask & Craft.GAFFER.bit()).isNotZero();
        assertThat(mask & Craft.EDITOR.bit()).isNotZero();
        assertThat(mask & Craft.DIRECTOR.bit()).isZero();
        assertThat(Craft.values().length).as("a mask is a BIGINT").isLessThanOrEqualTo(63);
    }
}
