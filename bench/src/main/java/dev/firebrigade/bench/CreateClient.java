package dev.firebrigade.bench;

import java.util.function.Consumer;

/** One way of sending the benchmark's create: our DSL, the raw WebClient floor, or java.net.http. */
interface CreateClient extends AutoCloseable {
    /** Short name for the report: {@code dsl}, {@code raw} or {@code jdk}. */
    String name();

    /** Sends one create; {@code done} receives null on a 201, otherwise the failure. Never blocks. */
    void create(Consumer<Throwable> done);

    @Override
    void close();
}
