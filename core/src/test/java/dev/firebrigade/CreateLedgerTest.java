package dev.firebrigade;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** The ledger forgets claims older than its retention, and only those, however many creates share a key. */
class CreateLedgerTest {
    private static final CreateLedger.Key FIRE = new CreateLedger.Key("01FCNDV6P870EA6S7TK1DSYDG0",
            "Call the fire brigade", "01FCNDV6P870EA6S7TK1DSYDG0");

    @Test
    void forgetsOldClaimsAndKeepsRecentOnes() throws InterruptedException {
        var ledger = new CreateLedger(Duration.ofMillis(200));
        for (int i = 0; i < 100; i++) {
            create(ledger, "old-" + i);
        }
        Thread.sleep(300);
        // Enough operations to pass a sweep (one every 256).
        for (int i = 0; i < 300; i++) {
            create(ledger, "new-" + i);
        }

        assertThat(ledger.claimed(FIRE)).hasSize(300).allMatch(id -> id.startsWith("new-"));
    }

    @Test
    void aClaimMadeAgainCountsFromItsLatestTime() throws InterruptedException {
        var ledger = new CreateLedger(Duration.ofMillis(200));
        create(ledger, "again");
        for (int i = 0; i < 100; i++) {
            create(ledger, "old-" + i);
        }
        Thread.sleep(300);
        create(ledger, "again");
        for (int i = 0; i < 300; i++) {
            create(ledger, "new-" + i);
        }

        assertThat(ledger.claimed(FIRE)).contains("again").noneMatch(id -> id.startsWith("old-"));
    }

    private static void create(CreateLedger ledger, String createdId) {
        assertThat(ledger.beginSend(FIRE).future().succeeded()).isTrue();
        ledger.endSend(FIRE, createdId);
    }
}
