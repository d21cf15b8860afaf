package dev.firebrigade.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import dev.firebrigade.ActionDraft;
import dev.firebrigade.IncidentIo;
import dev.firebrigade.internal.transport.Json;
import dev.firebrigade.internal.wire.ActionPayloads;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufOutputStream;
import io.netty.buffer.Unpooled;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.internal.buffer.BufferInternal;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.io.IOException;
import java.util.concurrent.TimeUnit;

/**
 * The client's CPU work per create, without the network: building a draft, encoding it to JSON, decoding the spec's
 * 201 answer. The {@code *AsTransport} methods do exactly what {@code Transport} does today; the others are the
 * candidates a change to Transport would use. Run with {@code -prof gc} for bytes per operation.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = "-Xmx1g")
public class CodecBenchmarks {
    private Vertx vertx;
    private IncidentIo io;
    private ActionDraft draft;
    private Object payload;
    private ObjectMapper mapper;
    private ObjectWriter payloadWriter;
    private ObjectReader createdReader;
    private Class<?> createdType;
    private Buffer created;

    @Setup(Level.Trial)
    public void setUp() {
        vertx = Vertx.vertx();
        io = IncidentIo.create(vertx, Workload.options("http://127.0.0.1:1", "bench-key", 1));
        draft = io.actions().forIncident(Workload.INCIDENT).describe(Workload.DESCRIPTION).assignTo(Workload.USER);
        payload = payloadOf(draft);
        mapper = Json.mapper();
        payloadWriter = mapper.writerFor(payload.getClass());
        createdType = ActionPayloads.One.class;
        createdReader = mapper.readerFor(createdType);
        // As the WebClient hands it over: a heap buffer holding the whole body.
        created = Buffer.buffer(SpecExamples.createdAction());
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        io.close().await();
        vertx.close().await();
    }

    /** A fresh draft, as a user writes it: forIncident, describe, assignTo. */
    @Benchmark
    public ActionDraft buildDraft() {
        return io.actions().forIncident(Workload.INCIDENT).describe(Workload.DESCRIPTION).assignTo(Workload.USER);
    }

    /** A fresh draft checked into the payload create() sends. */
    @Benchmark
    public Object buildDraftAndPayload() {
        return payloadOf(
                io.actions().forIncident(Workload.INCIDENT).describe(Workload.DESCRIPTION).assignTo(Workload.USER));
    }

    /** Transport today: {@code Buffer.buffer(mapper.writeValueAsBytes(body))}. */
    @Benchmark
    public Buffer encodeDraftAsTransport() throws IOException {
        return Buffer.buffer(mapper.writeValueAsBytes(payloadOf(draft)));
    }

    /** Candidate: a writer resolved once per type, writing straight into a Netty heap buffer (no byte[] copy). */
    @Benchmark
    public Buffer encodeDraftIntoBuffer() throws IOException {
        ByteBuf out = Unpooled.buffer(256);
        try (var stream = new ByteBufOutputStream(out)) {
            payloadWriter.writeValue((java.io.OutputStream) stream, payloadOf(draft));
        }
        return BufferInternal.buffer(out);
    }

    /** Candidate on public API only: a writer resolved once, Jackson's recycled buffer flushed into a Vert.x Buffer. */
    @Benchmark
    public Buffer encodeDraftAppending() throws IOException {
        Buffer out = Buffer.buffer(256);
        payloadWriter.writeValue(BufferStreams.appendingTo(out), payloadOf(draft));
        return out;
    }

    /** Transport today: {@code Json.decode}, Jackson reads the buffer through a stream into its own recycled buffer. */
    @Benchmark
    public Object decodeCreatedAsTransport() throws IOException {
        return action(Json.decode(created, createdType));
    }

    /** Transport before {@code cf85ffd}: {@code mapper.readValue(body.getBytes(), type)}, which copies the body first. */
    @Benchmark
    public Object decodeCreatedFromCopy() throws IOException {
        return action(mapper.readValue(created.getBytes(), createdType));
    }

    /** Candidate: parse the buffer's backing array in place, with a reader resolved once per type. */
    @Benchmark
    public Object decodeCreatedInPlace() throws IOException {
        ByteBuf buf = ((BufferInternal) created).getByteBuf();
        Object result = buf.hasArray()
                ? createdReader.readValue(buf.array(), buf.arrayOffset() + buf.readerIndex(), buf.readableBytes())
                : createdReader.readValue(created.getBytes());
        return action(result);
    }

    /** The body create() sends for {@code draft}, built from its public getters (IDs given, nothing to resolve). */
    private static ActionPayloads.Create payloadOf(ActionDraft draft) {
        return new ActionPayloads.Create(draft.incident(), draft.description(), draft.assignee());
    }

    private static Object action(Object createResult) {
        return ((ActionPayloads.One) createResult).action();
    }
}
