package dev.firebrigade.internal.create;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The ledger keeps a claim at least as long as some create's reconciliation window could include it, and forgets
 * claims (a chunk of them at a time) once none can.
 */
class CreateLedgerTest {
    private static final CreateKey KEY = new CreateKey("incident", "Call the fire brigade", null);
    private static final String LAST_OF_FIRST_CHUNK = "A" + (ClaimLog.CHUNK - 1);

    @Test
    void forgetsClaimsOnceNoCreateInProgressCanNeedThem() throws InterruptedException {
        var ledger = new CreateLedger(Duration.ofMillis(50));
        fillAChunk(ledger);
        assertThat(ledger.claimedAmong(List.of("A0", LAST_OF_FIRST_CHUNK))).hasSize(2);

        Thread.sleep(80);
        created(ledger, "B");

        assertThat(ledger.claimedAmong(List.of("A0", LAST_OF_FIRST_CHUNK, "B", "never-claimed"))).containsExactly("B");
    }

    @Test
    void keepsClaimsWhileAnOlderCreateIsStillInProgress() throws InterruptedException {
        var ledger = new CreateLedger(Duration.ofMillis(50));
        long slow = ledger.started();
        fillAChunk(ledger);
        Thread.sleep(80);
        created(ledger, "B");

        // The slow create began before the A claims were made: its window may include them.
        assertThat(ledger.claimedAmong(List.of("A0", LAST_OF_FIRST_CHUNK, "B"))).hasSize(3);

        ledger.finished(slow);
        Thread.sleep(80);
        created(ledger, "C");
        assertThat(ledger.claimedAmong(List.of("A0", LAST_OF_FIRST_CHUNK, "C"))).containsExactly("C");
    }

    @Test
    void aMillionCreatesLeaveOnlyTheRecentClaims() {
        var ledger = new CreateLedger(Duration.ZERO);
        for (int i = 0; i < 1_000_000; i++) {
            var key = new CreateKey("incident", "row " + i, null);
            long token = ledger.started();
            ledger.beginSend(key);
            ledger.endSend(key, "A" + i);
            ledger.finished(token);
        }

        assertThat(ledger.claimedAmong(List.of("A0", "A500000"))).isEmpty();
        assertThat(ledger.claimCount()).isLessThanOrEqualTo(ClaimLog.CHUNK);
    }

    /** Claims A0 to A1023, filling the log's first chunk. */
    private static void fillAChunk(CreateLedger ledger) {
        for (int i = 0; i < ClaimLog.CHUNK; i++) {
            created(ledger, "A" + i);
        }
    }

    private static void created(CreateLedger ledger, String id) {
        long token = ledger.started();
        ledger.beginSend(KEY);
        ledger.endSend(KEY, id);
        ledger.finished(token);
    }
}
