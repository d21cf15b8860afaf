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
    void forgetsOldestFirstAcrossChunksAndDropsChunksOnceForgotten() {
        var log = new ClaimLog();
        int claims = 3 * ClaimLog.CHUNK + 10;
        IntStream.range(0, claims).forEach(i -> log.add("A" + i, i));
        assertThat(log.chunks()).isEqualTo(4);

        // Forget into the middle of the second chunk: the first is dropped, the rest still answer.
        int cutoff = ClaimLog.CHUNK + 100;
        log.forgetBefore(cutoff);
        assertThat(log.size()).isEqualTo(claims - cutoff);
        assertThat(log.chunks()).isEqualTo(3);
        assertThat(log.claimedAmong(List.of("A0", "A" + (cutoff - 1), "A" + cutoff, "A" + (claims - 1), "A" + claims)))
                .containsExactlyInAnyOrder("A" + cutoff, "A" + (claims - 1));

        log.forgetBefore(claims);
        assertThat(log.size()).isZero();
        assertThat(log.claimedAmong(List.of("A" + (claims - 1)))).isEmpty();
        log.add("B", claims);
        assertThat(log.claimedAmong(List.of("B"))).containsExactly("B");
        assertThat(log.chunks()).isEqualTo(1);
    }

    @Test
    void fingerprintsTellApartIdsThatDifferInOneCharacter() {
        assertThat(ClaimLog.fingerprint("01FCNDV6P870EA6S7TK1DSYD5H"))
                .isNotEqualTo(ClaimLog.fingerprint("01FCNDV6P870EA6S7TK1DSYD5I"))
                .isNotEqualTo(ClaimLog.fingerprint("11FCNDV6P870EA6S7TK1DSYD5H"));
    }
}
