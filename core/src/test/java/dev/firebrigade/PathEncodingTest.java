package dev.firebrigade;

import dev.firebrigade.error.NotFoundException;
import io.vertx.core.http.HttpMethod;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** An ID is one opaque path segment: nothing in it can change which endpoint is called. */
class PathEncodingTest extends SandboxFixture {

    @Test
    void traversalInAnIdStaysInsideTheSegment() {
        sandbox.clearRequests();

        assertThatThrownBy(() -> io.actions().get("../../v1/identity").await()).isInstanceOf(NotFoundException.class);

        assertThat(sandbox.requests()).hasSize(1);
        assertThat(sandbox.requests().get(0).path()).startsWith("/v3/actions/");
    }

    @Test
    void queryAndFragmentCharactersAreEncoded() {
        var request = ApiRequest.of(HttpMethod.GET, "/v2/actions/{id}",
                "a/b?c=d#e f%")
                .withQuery("incident_id", "x&y=z");

        assertThat(request.uri()).isEqualTo("/v2/actions/a%2Fb%3Fc%3Dd%23e%20f%25?incident_id=x%26y%3Dz");
    }
}
