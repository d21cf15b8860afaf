package dev.firebrigade.bench;

import dev.firebrigade.model.Action;
import dev.firebrigade.model.ActionStatus;
import io.vertx.core.buffer.Buffer;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** Each microbenchmark, called once: the candidates must produce exactly what Transport's current code produces. */
class CodecBenchmarksTest {

    @Test
    void everyEncodingWritesTheSameJson() throws Exception {
        var bench = new CodecBenchmarks();
        bench.setUp();
        try {
            String expected = "{\"incident_id\":\"" + Workload.INCIDENT + "\",\"description\":\"Call the fire brigade\","
                    + "\"assignee_id\":\"" + Workload.USER + "\"}";
            assertThat(bench.encodeDraftAsTransport().toString()).isEqualTo(expected);
            assertThat(bench.encodeDraftIntoBuffer().toString()).isEqualTo(expected);
            assertThat(bench.encodeDraftAppending().toString()).isEqualTo(expected);
        } finally {
            bench.tearDown();
        }
    }

    @Test
    void everyDecodingReadsTheSpecExample() throws Exception {
        var bench = new CodecBenchmarks();
        bench.setUp();
        try {
            for (Object decoded : new Object[]{bench.decodeCreatedAsTransport(), bench.decodeCreatedInPlace(),
                    bench.decodeCreatedFromCopy()}) {
                Action action = (Action) decoded;
                assertThat(action.id()).isEqualTo("01FCNDV6P870EA6S7TK1DSYDG0");
                assertThat(action.status()).isEqualTo(ActionStatus.OUTSTANDING);
                assertThat(action.assignee().name()).isEqualTo("Lisa Karlin Curtis");
                assertThat(action.creator().apiKey().name()).isEqualTo("My test API key");
                assertThat(action.createdAt()).isEqualTo(Instant.parse("2021-08-17T13:28:57.801578Z"));
            }
            assertThat(bench.buildDraft().description()).isEqualTo("Call the fire brigade");
            assertThat(bench.buildDraftAndPayload()).isNotNull();
        } finally {
            bench.tearDown();
        }
    }

    @Test
    void theSpecExampleIsTheDocumentedShape() {
        String json = Buffer.buffer(SpecExamples.createdAction()).toString();
        assertThat(json).startsWith("{\"action\":{\"assignee\":{\"email\":\"lisa@incident.io\"")
                .contains("\"completed_at\":\"2021-08-17T13:28:57.801578Z\"", "\"status\":\"outstanding\"");
    }
}
