package dev.firebrigade;

import dev.firebrigade.error.InvalidInputException;
import dev.firebrigade.error.ServerException;
import dev.firebrigade.error.UnexpectedResponseException;
import dev.firebrigade.model.User;
import dev.firebrigade.sandbox.DemoData;
import io.vertx.core.Future;
import io.vertx.core.streams.ReadStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;

import static dev.firebrigade.ReferenceResolutionTest.requests;
import static org.assertj.core.api.Assertions.assertThat;

/** Lists as pages, lazy streams with back-pressure, and bounded collection. */
class PaginationTest extends SandboxFixture {
    /** Seven users with the inactive ones: four pages of two. */
    private static final int ALL_USERS = 7;

    @BeforeEach
    void forgetRequests() {
        sandbox.clearRequests();
    }

    @Test
    void aStreamFetchesPagesOnlyAsItemsAreAskedFor() throws Exception {
        List<User> received = new CopyOnWriteArrayList<>();
        AtomicBoolean ended = new AtomicBoolean();
        ReadStream<User> users = io.users().list().includeInactive().pageSize(2).stream();

        users.pause().endHandler(v -> ended.set(true)).handler(received::add);
        Thread.sleep(200);
        assertThat(sandbox.requests()).as("paused: nothing fetched").isEmpty();

        users.fetch(1);
        await(() -> received.size() == 1);
        Thread.sleep(100);
        assertThat(received).hasSize(1);
        assertThat(requests("GET", "/v2/users")).hasSize(1);

        users.fetch(2);
        await(() -> received.size() == 3);
        assertThat(requests("GET", "/v2/users")).as("the second page, no further").hasSize(2);

        users.resume();
        await(ended::get);
        assertThat(received).hasSize(ALL_USERS);
        assertThat(received).extracting(User::id).doesNotHaveDuplicates();
        assertThat(requests("GET", "/v2/users")).hasSize(4)
                .allSatisfy(r -> assertThat(r.query()).startsWith("include_inactive=true&page_size=2"));
    }

    @Test
    void aStreamWithoutPageSizeWalksInLargePages() {
        List<User> everyone = io.users().list().includeInactive().stream().collect(Collectors.toList()).await();

        assertThat(everyone).hasSize(ALL_USERS);
        assertThat(requests("GET", "/v2/users")).extracting(r -> r.query())
                .containsExactly("include_inactive=true&page_size=250");
    }

    @Test
    void pagesComeOnlyFromQueries() {
        var page = io.users().list().includeInactive().pageSize(3).firstPage().await();

        assertThat(Page.class.getConstructors()).as("no public constructor: a Page is made by a query alone").isEmpty();
        assertThat(page.items()).hasSize(3);
    }

    @Test
    void aPageStreamsItselfAndWhatFollows() {
        var first = io.users().list().includeInactive().pageSize(3).firstPage().await();

        List<User> rest = first.next().await().stream().collect(Collectors.toList()).await();
        List<User> all = first.stream().collect(Collectors.toList()).await();

        assertThat(rest).hasSize(ALL_USERS - 3);
        assertThat(all).hasSize(ALL_USERS);
    }

    @Test
    void anEndOrFailureBeforeItsHandlerIsSetIsStillDelivered() {
        var items = new CopyOnWriteArrayList<User>();
        var ended = new AtomicBoolean();
        ReadStream<User> stream = io.users().list().email("lisa@incident.io").stream();
        stream.handler(items::add);
        await(() -> items.size() == 1);
        // The stream has ended by now with nobody to tell; setting the handler late must still tell it.
        stream.endHandler(ignored -> ended.set(true));
        await(ended::get);

        var failure = new AtomicReference<Throwable>();
        ReadStream<User> failing = io.users().list().pageSize(0).stream();
        failing.handler(items::add);
        long failedByThen = System.nanoTime() + Duration.ofMillis(200).toNanos();
        // Give the stream time to fail first; delivered either way, the order is what this exercises.
        await(() -> System.nanoTime() > failedByThen);
        failing.exceptionHandler(failure::set);
        await(() -> failure.get() != null);
        assertThat(failure.get()).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void collectStopsAtTheLimitAndZeroSendsNothing() {
        assertThat(io.users().list().includeInactive().collect(0).await()).isEmpty();
        assertThat(sandbox.requests()).isEmpty();

        List<User> three = io.users().list().includeInactive().pageSize(2).collect(3).await();
        List<User> first = io.users().list().includeInactive().collect(1).await();

        assertThat(three).extracting(User::id).hasSize(3).doesNotHaveDuplicates();
        assertThat(first).extracting(User::id).containsExactly(three.get(0).id());
        assertThat(requests("GET", "/v2/users")).extracting(r -> r.query()).containsExactly(
                "include_inactive=true&page_size=2",
                "include_inactive=true&page_size=2&after=" + three.get(1).id(),
                "include_inactive=true&page_size=1");
    }

    @Test
    void aStreamReportsBadInputToItsExceptionHandler() {
        AtomicReference<Throwable> failure = new AtomicReference<>();

        io.users().list().pageSize(-1).stream().exceptionHandler(failure::set).handler(user -> { });

        await(() -> failure.get() != null);
        assertThat(failure.get()).isInstanceOf(InvalidInputException.class);
        assertThat(sandbox.requests()).isEmpty();
    }

    @Test
    void aHandlerThatThrowsFailsTheStream() {
        AtomicReference<Throwable> failure = new AtomicReference<>();
        List<User> received = new CopyOnWriteArrayList<>();
        AtomicBoolean ended = new AtomicBoolean();

        io.users().list().includeInactive().pageSize(2).stream()
                .exceptionHandler(failure::set)
                .endHandler(v -> ended.set(true))
                .handler(user -> {
                    received.add(user);
                    throw new IllegalStateException("consumer broke on " + user.name());
                });

        await(() -> failure.get() != null);
        assertThat(failure.get()).hasMessageStartingWith("consumer broke on");
        assertThat(received).hasSize(1);
        assertThat(ended).isFalse();
    }

    @Test
    void aServerErrorMidListFailsTheStreamTyped() {
        try (var server = CannedServer.answering(vertx, 500, "application/json",
                "{\"type\":\"api_error\",\"status\":500,\"request_id\":\"r-1\",\"errors\":[{\"code\":\"api_error\",\"message\":\"boom\"}]}",
                Map.of())) {
            IncidentIo broken = IncidentIo.create(vertx, clientOptions().setBaseUrl(server.baseUrl()));
            AtomicReference<Throwable> failure = new AtomicReference<>();

            broken.incidents().list().stream().exceptionHandler(failure::set).handler(incident -> { });

            await(() -> failure.get() != null);
            assertThat(failure.get()).isInstanceOf(ServerException.class).hasMessageContaining("request_id r-1");
            broken.close().await();
        }
    }

    @Test
    void aListThatDoesNotAdvanceFailsInsteadOfLoopingForever() {
        String stuck = "{\"users\":[{\"id\":\"" + DemoData.USER_LISA + "\",\"name\":\"Lisa\",\"role\":\"owner\"}],"
                + "\"pagination_meta\":{\"after\":\"" + DemoData.USER_LISA + "\",\"page_size\":1}}";
        try (var server = CannedServer.answering(vertx, 200, "application/json", stuck, Map.of())) {
            IncidentIo looping = IncidentIo.create(vertx, clientOptions().setBaseUrl(server.baseUrl()));

            Throwable failure = looping.users().list().fetch()
                    .transform(ar -> Future.<Throwable>succeededFuture(ar.cause())).await();

            assertThat(failure).isInstanceOf(UnexpectedResponseException.class).hasMessageContaining("did not advance");
            looping.close().await();
        }
    }

    static void await(BooleanSupplier condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within 10 s");
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
