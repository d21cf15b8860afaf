package dev.firebrigade;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** The claim log answers exactly across growth, wrap-around and shrinking of its rings. */
class ClaimLogTest {
    @Test
    void answersWhichOfTheAskedIdsWereClaimed() {
        var log = new ClaimLog();
        log.add("01FCNDV6P870EA6S7TK1DSYD5H", 1);
        log.add("01FCNDV6P870EA6S7TK1DSYD5J", 2);

        assertThat(log.claimedAmong(List.of("01FCNDV6P870EA6S7TK1DSYD5H", "01FCNDV6P870EA6S7TK1DSYD5K")))
                .containsExactly("01FCNDV6P870EA6S7TK1DSYD5H");
        assertThat(log.claimedAmong(List.of())).isEmpty();
    }

    @Test
    void forgetsOldestFirstAcrossWrapAroundGrowthAndShrinking() {
        var log = new ClaimLog();
        // Wrap the ring: 50 in, 40 out, then 1,000 more, which grows it from a head in the middle.
        IntStream.range(0, 50).forEach(i -> log.add("A" + i, i));
        log.forgetBefore(40);
        IntStream.range(50, 1_050).forEach(i -> log.add("A" + i, i));

        assertThat(log.size()).isEqualTo(1_010);
        assertThat(log.claimedAmong(List.of("A39", "A40", "A49", "A50", "A1049", "A1050")))
                .containsExactlyInAnyOrder("A40", "A49", "A50", "A1049");

        log.forgetBefore(1_040);
        assertThat(log.size()).isEqualTo(10);
        assertThat(log.claimedAmong(List.of("A1039", "A1040", "A1049"))).containsExactlyInAnyOrder("A1040", "A1049");
        log.add("A2000", 2_000);
        assertThat(log.claimedAmong(List.of("A2000"))).containsExactly("A2000");
    }

    @Test
    void fingerprintsTellApartIdsThatDifferInOneCharacter() {
        assertThat(ClaimLog.fingerprint("01FCNDV6P870EA6S7TK1DSYD5H"))
                .isNotEqualTo(ClaimLog.fingerprint("01FCNDV6P870EA6S7TK1DSYD5I"))
                .isNotEqualTo(ClaimLog.fingerprint("11FCNDV6P870EA6S7TK1DSYD5H"));
    }
}
