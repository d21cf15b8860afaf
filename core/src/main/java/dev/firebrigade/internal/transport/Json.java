package dev.firebrigade.internal.transport;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.vertx.core.buffer.Buffer;

import java.io.IOException;
import java.time.Instant;

/**
 * The one Jackson mapper of the client, configured for incident.io's compatibility promise: new fields are ignored,
 * new enum values become {@code UNKNOWN}, optional fields are omitted rather than sent as null.
 */
public final class Json {
    private static final ObjectMapper MAPPER = configured()
            .addModule(new SimpleModule("firebrigade-records").setDeserializerModifier(new RecordDeserializer.Modifier()))
            .build();

    /**
     * A reader and a writer per type, resolved once: {@code mapper().readValue(in, type)} constructs the type and
     * looks its root deserializer up on every call, which the client-bound benchmark showed as a tenth of each decode.
     */
    private static final ClassValue<ObjectReader> READERS = new ClassValue<>() {
        @Override
        protected ObjectReader computeValue(Class<?> type) {
            return MAPPER.readerFor(type);
        }
    };
    private static final ClassValue<ObjectWriter> WRITERS = new ClassValue<>() {
        @Override
        protected ObjectWriter computeValue(Class<?> type) {
            return MAPPER.writerFor(type);
        }
    };

    private Json() {
    }

    /** The mapper's configuration without {@link RecordDeserializer}: Jackson's own record path, which tests compare. */
    static JsonMapper.Builder configured() {
        return JsonMapper.builder()
                .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                .addModule(new JavaTimeModule())
                // Registered after JavaTimeModule, so it wins for Instant; it falls back to JavaTimeModule's parser.
                .addModule(new SimpleModule("firebrigade-instants")
                        .addDeserializer(Instant.class, new FastInstantDeserializer()))
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.READ_UNKNOWN_ENUM_VALUES_USING_DEFAULT_VALUE)
                .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .serializationInclusion(JsonInclude.Include.NON_NULL);
    }

    /** The shared, thread-safe mapper. Do not reconfigure it. */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /**
     * Decodes a response body in place: Jackson reads the buffer through its own recycled input buffer, where
     * {@code mapper().readValue(body.getBytes(), type)} first copies the whole body (a create's 201 costs 28% fewer
     * bytes this way, see bench's CodecBenchmarks).
     */
    public static <T> T decode(Buffer body, Class<T> type) throws IOException {
        return READERS.get(type).readValue(new BufferInput(body));
    }

    /** {@code value} as JSON bytes, through the writer resolved once for its class. */
    public static Buffer encode(Object value) throws IOException {
        return Buffer.buffer(WRITERS.get(value.getClass()).writeValueAsBytes(value));
    }
}
