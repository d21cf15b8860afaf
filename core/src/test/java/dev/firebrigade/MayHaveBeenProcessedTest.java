package dev.firebrigade;

import dev.firebrigade.error.ConnectionException;
import dev.firebrigade.error.IncidentIoException;
import dev.firebrigade.error.OutcomeUnknownException;
import dev.firebrigade.error.RateLimitException;
import dev.firebrigade.error.RedirectException;
import dev.firebrigade.error.ServerException;
import dev.firebrigade.error.TimeoutException;
import dev.firebrigade.error.UnexpectedResponseException;
import dev.firebrigade.error.ValidationException;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The one classification that decides whether a failed create is looked for (it may have landed) or is certainly not
 * made; {@code create()} and the bulk both ask it.
 */
class MayHaveBeenProcessedTest {
    @Test
    void answersThatMayFollowProcessingAreLookedFor() {
        assertThat(List.<IncidentIoException>of(
                new ServerException(500, "internal_error", "boom", null, null, "POST", "/v3/actions"),
                new ServerException(503, "unavailable", "later", null, null, "POST", "/v3/actions"),
                new IncidentIoException(408, "request_timeout", "slow", null, null, "POST", "/v3/actions", null),
                new UnexpectedResponseException(201, "not JSON", "<html>", "POST", "/v3/actions", null),
                new UnexpectedResponseException(502, "a proxy page", "<html>", "POST", "/v3/actions", null),
                new ConnectionException("reset", "POST", "/v3/actions", true, null),
                new TimeoutException("no answer", "POST", "/v3/actions", true, null),
                OutcomeUnknownException.action("unknown", "POST", "/v3/actions", "I", "d", null, 1, null)))
                .allSatisfy(failure -> assertThat(failure.mayHaveBeenProcessed()).as(failure.getMessage()).isTrue());
    }

    @Test
    void answersThatProveNothingWasMadeAreNot() {
        assertThat(List.<IncidentIoException>of(
                new RateLimitException(429, "rate_limited", "slow down", null, null, "POST", "/v3/actions",
                        Duration.ofSeconds(1)),
                new ValidationException(422, "validation_error", "bad", null, List.of(), "POST", "/v3/actions"),
                new RedirectException(301, "https://elsewhere", "POST", "/v3/actions"),
                new ConnectionException("refused", "POST", "/v3/actions", false, null),
                new TimeoutException("never sent", "POST", "/v3/actions", false, null)))
                .allSatisfy(failure -> assertThat(failure.mayHaveBeenProcessed()).as(failure.getMessage()).isFalse());
    }
}
