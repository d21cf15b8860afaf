package dev.firebrigade.internal.transport;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FastInstantDeserializerTest {
    /** What the client used before the fast path: JavaTimeModule alone. */
    private static final ObjectMapper GENERAL = JsonMapper.builder().addModule(new JavaTimeModule()).build();

    @Test
    void readsIncidentIoTimestamps() throws Exception {
        assertThat(Json.mapper().readValue("\"2021-08-17T13:28:57.801578Z\"", Instant.class))
                .isEqualTo(Instant.parse("2021-08-17T13:28:57.801578Z"));
        assertThat(Json.mapper().readValue("\"2021-08-17T13:28:57Z\"", Instant.class))
                .isEqualTo(Instant.parse("2021-08-17T13:28:57Z"));
    }

    @Test
    void agreesWithTheGeneralParserOnRandomInstants() throws Exception {
        var random = new Random(7);
        for (int i = 0; i < 20_000; i++) {
            long second = random.nextLong(-62_135_596_800L, 253_402_300_799L); // years 0001 to 9999
            Instant instant = Instant.ofEpochSecond(second, random.nextInt(1_000_000_000));
            String text = instant.toString();
            int digits = random.nextInt(10);
            String cut = text.substring(0, 19) + (digits == 0 ? "" : "." + String.format("%09d", instant.getNano()).substring(0, digits)) + "Z";
            String json = "\"" + cut + "\"";
            assertThat(Json.mapper().readValue(json, Instant.class)).as(cut).isEqualTo(GENERAL.readValue(json, Instant.class));
        }
    }

    @Test
    void leavesEverythingElseToTheGeneralParser() throws Exception {
        List<String> others = new ArrayList<>(List.of(
                "\"2021-08-17T13:28:57.801578+01:00\"", "\"2021-08-17T13:28:57+00:00\"", "1629206937.801578",
                "1629206937", "\"2020-02-29T00:00:00Z\"", "\"2000-02-29T23:59:59.999999999Z\"",
                // Oddities the general parser accepts: the fast path declines them and the result is the same.
                "\"2021-08-17T24:00:00Z\"", "\"2021-08-17T13:28:57.Z\""));
        for (String json : others) {
            assertThat(Json.mapper().readValue(json, Instant.class)).as(json).isEqualTo(GENERAL.readValue(json, Instant.class));
        }
    }

    @Test
    void rejectsWhatTheGeneralParserRejects() {
        for (String json : List.of("\"2021-02-29T00:00:00Z\"", "\"2021-13-01T00:00:00Z\"",
                "\"2021-08-17 13:28:57Z\"", "\"2021-08-17T13:28:57.1234567890Z\"",
                "\"yesterday\"")) {
            assertThatThrownBy(() -> GENERAL.readValue(json, Instant.class)).as("general parser on " + json)
                    .isInstanceOf(java.io.IOException.class);
            assertThatThrownBy(() -> Json.mapper().readValue(json, Instant.class)).as(json)
                    .isInstanceOf(java.io.IOException.class);
        }
    }
}
