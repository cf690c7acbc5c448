package org.cinely.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LadderCopyTests {

    static final Ladder.Rung HD = new Ladder.Rung(720, 1280, 2800, true);

    /** 30 fps packets for {@code seconds}, a keyframe every {@code gop} frames, at {@code kbps}. */
    static List<Ffprobe.Packet> packets(int seconds, int gop, int kbps) {
        List<Ffprobe.Packet> packets = new ArrayList<>();
        for (int frame = 0; frame < seconds * 30; frame++) {
            packets.add(new Ffprobe.Packet(1.4 + frame / 30.0, kbps * 1000L / 8 / 30, frame % gop == 0));
        }
        return packets;
    }

    @Test
    void keyframesOnEverySegmentBoundaryAndABitrateWithinBudgetAreCopied() {
        assertThat(Ladder.copyFits(packets(60, 60, 2000), HD, 30)).isTrue();
        assertThat(Ladder.copyFits(packets(60, 120, 2000), HD, 30))
                .as("a keyframe every 4 s")
                .isTrue();
    }

    @Test
    void keyframesThatMissABoundaryAreReencoded() {
        assertThat(Ladder.copyFits(packets(60, 250, 2000), HD, 30))
                .as("8.3 s GOP")
                .isFalse();
        assertThat(Ladder.copyFits(packets(60, 90, 2000), HD, 30))
                .as("3 s GOP misses 4 s")
                .isFalse();
    }

    @Test
    void aBitrateOverTheRungIsReencoded() {
        assertThat(Ladder.copyFits(packets(60, 60, 10_000), HD, 30)).isFalse();
        List<Ffprobe.Packet> burst = packets(60, 60, 1500);
        for (int frame = 0; frame < 120; frame++) { // one 4 s segment at over twice the budget
            Ffprobe.Packet p = burst.get(frame);
            burst.set(frame, new Ffprobe.Packet(p.seconds(), 8_000_000L / 8 / 30 * 1, p.key()));
        }
        assertThat(Ladder.copyFits(burst, HD, 30))
                .as("a burst over twice the budget")
                .isFalse();
    }

    @Test
    void aStreamThatDoesNotStartOnAKeyframeIsReencoded() {
        List<Ffprobe.Packet> cut = new ArrayList<>(packets(60, 60, 2000));
        Ffprobe.Packet first = cut.get(0);
        cut.set(0, new Ffprobe.Packet(first.seconds(), first.bytes(), false));
        assertThat(Ladder.copyFits(cut, HD, 30)).isFalse();
    }

    @Test
    void noPacketsMeansNoCopy() {
        assertThat(Ladder.copyFits(List.of(), HD, 30)).isFalse();
    }
}
