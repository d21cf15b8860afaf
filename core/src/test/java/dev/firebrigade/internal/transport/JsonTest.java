package dev.firebrigade.internal.transport;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.vertx.core.buffer.Buffer;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JsonTest {

    @Test
    void decodesABufferInPlaceExactlyAsFromItsBytes() throws Exception {
        // Larger than Jackson's 8000-byte input buffer, so the stream is read in several chunks; with multi-byte UTF-8.
        String text = "Rufen Sie die Feuerwehr – 🚒 ".repeat(600);
        Buffer body = Buffer.buffer(Json.mapper().writeValueAsBytes(Map.of("items", List.of(text, text))));

        assertThat(body.length()).isGreaterThan(16_000);
        assertThat(Json.decode(body, JsonNode.class)).isEqualTo(Json.mapper().readValue(body.getBytes(), JsonNode.class));
        assertThat(Json.decode(body, JsonNode.class).get("items").get(1).asText()).isEqualTo(text);
    }

    @Test
    void aBrokenBodyFailsAsJacksonDoes() {
        assertThatThrownBy(() -> Json.decode(Buffer.buffer("{\"action\": {"), JsonNode.class))
                .isInstanceOf(JsonProcessingException.class);
    }
}
