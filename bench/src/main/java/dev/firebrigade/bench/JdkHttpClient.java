package dev.firebrigade.bench;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.function.Consumer;

/**
 * {@code java.net.http.HttpClient} (HTTP/1.1, its default executor) sending the workload's bytes with its headers and
 * reading the body as a byte array: what a team without Vert.x would write. Like the DSL (and unlike the raw floor) it
 * gives each request a 60 s timeout.
 */
final class JdkHttpClient implements CreateClient {
    private final HttpClient client = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private final Workload workload;
    private final String[] headers;

    JdkHttpClient(Workload workload) {
        this.workload = workload;
        this.headers = workload.headers().entrySet().stream()
                .flatMap(h -> java.util.stream.Stream.of(h.getKey(), h.getValue()))
                .toArray(String[]::new);
    }

    @Override
    public String name() {
        return "jdk";
    }

    @Override
    public void create(Consumer<Throwable> done) {
        HttpRequest request = HttpRequest.newBuilder(workload.url())
                .headers(headers)
                // A lost exchange then fails the create instead of stalling the run (seen once on Java 17).
                .timeout(TIMEOUT)
                .POST(HttpRequest.BodyPublishers.ofByteArray(workload.body()))
                .build();
        client.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray()).whenComplete((response, failure) ->
                done.accept(failure != null ? failure
                        : response.statusCode() == 201 ? null
                        : new IllegalStateException("status " + response.statusCode())));
    }

    @Override
    public void close() {
        // HttpClient has no close() before Java 21; its threads are daemons and its connections idle out.
    }
}
