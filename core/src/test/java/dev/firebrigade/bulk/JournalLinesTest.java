package dev.firebrigade.bulk;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class JournalLinesTest {
    @Test
    void anyDescriptionStaysOnOneLineAndReadsBackExactly() throws Exception {
        String description = "Quote \" backslash \\ newline \n return \r tab \t bell \u0007 "
                + "line separator \u2028 emoji \uD83D\uDE92 accents é ü";
        var row = SourceRow.of(7, 8, null, RowFields.action("INC-1", description, "lisa@incident.io"), "hash", null,
                null);
        Instant at = Instant.parse("2026-11-29T21:30:01.123456Z");

        String line = JournalLines.sending(row, at);

        assertThat(line).doesNotContain("\n", "\r", "\u2028");
        JsonNode event = JsonMapper.builder().build().readTree(line);
        assertThat(event.get("event").asText()).isEqualTo("sending");
        assertThat(event.get("description").asText()).isEqualTo(description);
        assertThat(event.get("row").asLong()).isEqualTo(7);
        assertThat(event.get("line").asLong()).isEqualTo(8);
        assertThat(event.get("assignee").asText()).isEqualTo("lisa@incident.io");
        assertThat(Instant.parse(event.get("at").asText())).isEqualTo(Instant.parse("2026-11-29T21:30:01.123Z"));
    }

    @Test
    void problemsCarryTheErrorTypeAndANullMessageWhenThereIsNone() throws Exception {
        String line = JournalLines.problem("failed", "key:a", 3, null, Instant.EPOCH);

        JsonNode event = JsonMapper.builder().build().readTree(line);
        assertThat(event.get("message").isNull()).isTrue();
        assertThat(event.get("key").asText()).isEqualTo("key:a");
    }
}
