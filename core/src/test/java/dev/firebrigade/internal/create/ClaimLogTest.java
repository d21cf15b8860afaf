package dev.firebrigade.internal.create;

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
    void forgetsWholeChunksOnceTheirNewestClaimIsOld() {
        var log = new ClaimLog();
        int claims = 3 * ClaimLog.CHUNK + 10;
        IntStream.range(0, claims).forEach(i -> log.add("A" + i, i));
        assertThat(log.chunks()).isEqualTo(4);

        // A cutoff in the middle of the second chunk drops the first one only: the second still holds newer claims.
        int cutoff = ClaimLog.CHUNK + 100;
        log.forgetBefore(cutoff);
        assertThat(log.chunks()).isEqualTo(3);
        assertThat(log.size()).isEqualTo(claims - ClaimLog.CHUNK);
        assertThat(log.claimedAmong(List.of("A0", "A" + (ClaimLog.CHUNK - 1), "A" + ClaimLog.CHUNK, "A" + cutoff,
                "A" + (claims - 1), "A" + claims)))
                .containsExactlyInAnyOrder("A" + ClaimLog.CHUNK, "A" + cutoff, "A" + (claims - 1));

        log.forgetBefore(claims);
        assertThat(log.size()).isZero();
        assertThat(log.chunks()).isZero();
        assertThat(log.claimedAmong(List.of("A" + (claims - 1)))).isEmpty();
        log.add("B", claims);
        assertThat(log.claimedAmong(List.of("B"))).containsExactly("B");
    }

    @Test
    void fingerprintsTellApartIdsThatDifferInOneCharacter() {
        assertThat(Fingerprint.of("01FCNDV6P870EA6S7TK1DSYD5H"))
                .isNotEqualTo(Fingerprint.of("01FCNDV6P870EA6S7TK1DSYD5I"))
                .isNotEqualTo(Fingerprint.of("11FCNDV6P870EA6S7TK1DSYD5H"));
    }
}
