package dev.firebrigade.internal.create;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class LongSetTest {

    @Test
    void behavesLikeAHashSetThroughGrowthAndRemoval() {
        var random = new Random(7);
        var set = new LongSet(4);
        var reference = new HashSet<Long>();
        for (int i = 0; i < 200_000; i++) {
            // A small value range forces collisions, repeats and long probe chains.
            long value = random.nextInt(50_000) * 0x9E3779B97F4A7C15L;
            if (random.nextInt(3) == 0) {
                assertThat(set.remove(value)).isEqualTo(reference.remove(value));
            } else {
                assertThat(set.add(value)).isEqualTo(reference.add(value));
            }
        }
        assertThat(set.size()).isEqualTo(reference.size());
        for (long v = 0; v < 50_000; v++) {
            long value = v * 0x9E3779B97F4A7C15L;
            assertThat(set.contains(value)).isEqualTo(reference.contains(value));
        }
    }

    @Test
    void holdsZero() {
        var set = new LongSet(16);
        assertThat(set.contains(0)).isFalse();
        assertThat(set.add(0)).isTrue();
        assertThat(set.contains(0)).isTrue();
        assertThat(set.remove(0)).isTrue();
        assertThat(set.contains(0)).isFalse();
    }

    @Test
    void contentHashSeparatesFields() {
        assertThat(Fingerprint.contentHash("ab", "c", null)).isNotEqualTo(Fingerprint.contentHash("a", "bc", null));
        assertThat(Fingerprint.contentHash("a", "b", null)).isNotEqualTo(Fingerprint.contentHash("a", "b", ""));
        assertThat(Fingerprint.contentHash("INC-1", "Call", "lisa@incident.io")).hasSize(16)
                .isEqualTo(Fingerprint.contentHash("INC-1", "Call", "lisa@incident.io"));
    }
}
