package dev.firebrigade.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Random;
import org.junit.jupiter.api.Test;

class UlidTest {
    @Test
    void encodesTimeThenRandomnessInCrockfordBase32() {
        assertThat(Ulid.encode(0, 0, 0)).isEqualTo("00000000000000000000000000");
        assertThat(Ulid.encode((1L << 48) - 1, 0xFFFF, -1L)).isEqualTo("7ZZZZZZZZZZZZZZZZZZZZZZZZZ");
        // The spec's example IDs decode to August 2021: their time part is 01FCNDV6P8.
        assertThat(Ulid.encode(1628511771336L, 0, 0)).startsWith("01FCNDV6P8");
    }

    @Test
    void staysMonotonicWithinAMillisecondAndWhenTheClockGoesBack() {
        var ulid = new Ulid(new Random(42));
        var ids = new ArrayList<String>();
        for (int i = 0; i < 1000; i++) {
            ids.add(ulid.next(1_700_000_000_000L));
        }
        ids.add(ulid.next(1_600_000_000_000L));
        ids.add(ulid.next(1_700_000_000_001L));

        assertThat(ids).allMatch(id -> id.matches("[0-9A-HJKMNP-TV-Z]{26}"));
        assertThat(ids).isSorted().doesNotHaveDuplicates();
    }

    @Test
    void derivesAStableIdFromAKey() {
        assertThat(Ulid.stableIdFor("sandbox-demo-key")).isEqualTo(Ulid.stableIdFor("sandbox-demo-key"))
                .hasSize(26).startsWith("01").isNotEqualTo(Ulid.stableIdFor("another-key"));
    }
}
