package dev.firebrigade;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The ledger keeps a claim exactly as long as some create's reconciliation window could include it. */
class CreateLedgerTest {
    private static final CreateLedger.Key KEY = new CreateLedger.Key("incident", "Call the fire brigade", null);
    private static final List<String> IDS = List.of("A1", "A2", "A3", "never-claimed");

    @Test
    void forgetsClaimsOnceNoCreateInProgressCanNeedThem() throws InterruptedException {
        var ledger = new CreateLedger(Duration.ofMillis(50));
        long first = ledger.started();
        ledger.beginSend(KEY);
        ledger.endSend(KEY, "A1");
        ledger.finished(first);

        assertThat(ledger.claimedAmong(IDS)).containsExactly("A1");
        Thread.sleep(80);
        created(ledger, "A2");

        assertThat(ledger.claimedAmong(IDS)).containsExactly("A2");
    }

    @Test
    void keepsClaimsWhileAnOlderCreateIsStillInProgress() throws InterruptedException {
        var ledger = new CreateLedger(Duration.ofMillis(50));
        long slow = ledger.started();
        created(ledger, "A1");
        Thread.sleep(80);
        created(ledger, "A2");

        // The slow create began before A1 was claimed: its window may include A1.
        assertThat(ledger.claimedAmong(IDS)).containsExactlyInAnyOrder("A1", "A2");

        ledger.finished(slow);
        Thread.sleep(80);
        created(ledger, "A3");
        assertThat(ledger.claimedAmong(IDS)).containsExactly("A3");
    }

    @Test
    void aMillionCreatesLeaveOnlyTheRecentClaims() {
        var ledger = new CreateLedger(Duration.ZERO);
        for (int i = 0; i < 1_000_000; i++) {
            var key = new CreateLedger.Key("incident", "row " + i, null);
            long token = ledger.started();
            ledger.beginSend(key);
            ledger.endSend(key, "A" + i);
            ledger.finished(token);
        }

        assertThat(ledger.claimedAmong(List.of("A0", "A999998"))).isEmpty();
        assertThat(ledger.claimCount()).isLessThanOrEqualTo(1);
    }

    private static void created(CreateLedger ledger, String id) {
        long token = ledger.started();
        ledger.beginSend(KEY);
        ledger.endSend(KEY, id);
        ledger.finished(token);
    }
}
