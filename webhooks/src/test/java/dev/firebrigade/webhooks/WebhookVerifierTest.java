package dev.firebrigade.webhooks;

import dev.firebrigade.error.InvalidInputException;
import dev.firebrigade.webhooks.WebhookRejectedException.Reason;
import io.vertx.core.MultiMap;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The signature scheme, exactly as Svix publishes it and incident.io uses it. */
class WebhookVerifierTest {
    // Svix's published test vector (docs.svix.com/receiving/verifying-payloads/how); incident.io's API reference
    // shows the same signature in its webhook example.
    static final String SVIX_SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    static final String SVIX_ID = "msg_p5jXN8AQM9LWM0D4loKWxJek";
    static final String SVIX_TIMESTAMP = "1614265330";
    static final byte[] SVIX_BODY = "{\"test\": 2432232314}".getBytes(StandardCharsets.UTF_8);
    static final String SVIX_SIGNATURE = "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=";

    private static final Instant SIGNED_AT = Instant.ofEpochSecond(Long.parseLong(SVIX_TIMESTAMP));
    private static final String OTHER_SECRET = "whsec_" + java.util.Base64.getEncoder()
            .encodeToString("another endpoint's key!!".getBytes(StandardCharsets.UTF_8));

    @Test
    void acceptsSvixsPublishedTestVector() {
        WebhookEvent event = verifierAt(SIGNED_AT, SVIX_SECRET).verify(SVIX_ID, SVIX_TIMESTAMP, SVIX_SIGNATURE, SVIX_BODY);

        assertThat(event).isInstanceOf(RawEvent.class);
        assertThat(event.messageId()).isEqualTo(SVIX_ID);
        assertThat(event.timestamp()).isEqualTo(SIGNED_AT);
        assertThat(event.type()).isNull();
        assertThat(event.json().getLong("test")).isEqualTo(2432232314L);
    }

    @Test
    void signsSvixsTestVectorToTheSameSignature() {
        assertThat(WebhookSecret.parse(SVIX_SECRET).sign(SVIX_ID, SIGNED_AT.getEpochSecond(), SVIX_BODY))
                .isEqualTo(SVIX_SIGNATURE);
        // Svix's libraries also take the secret without its prefix.
        assertThat(WebhookSecret.parse("MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw").sign(SVIX_ID, SIGNED_AT.getEpochSecond(), SVIX_BODY))
                .isEqualTo(SVIX_SIGNATURE);
    }

    @Test
    void acceptsItsOwnSignatureOfARealEvent() {
        byte[] body = "{\"event_type\":\"public_incident.action_created_v1\",\"public_incident.action_created_v1\":{\"id\":\"A1\",\"incident_id\":\"I1\",\"description\":\"Call the fire brigade\",\"status\":\"outstanding\",\"follow_up\":false,\"created_at\":\"2021-08-17T13:28:57.801578Z\",\"updated_at\":\"2021-08-17T13:28:57.801578Z\"}}"
                .getBytes(StandardCharsets.UTF_8);
        Instant now = Instant.parse("2026-12-02T04:00:00Z");
        String signature = WebhookSecret.parse(OTHER_SECRET).sign("msg_1", now.getEpochSecond(), body);

        WebhookEvent event = verifierAt(now, OTHER_SECRET).verify("msg_1", Long.toString(now.getEpochSecond()), signature, body);

        assertThat(event).isInstanceOfSatisfying(ActionEvent.class, action -> {
            assertThat(action.change()).isEqualTo(WebhookEvent.Change.CREATED);
            assertThat(action.action().description()).isEqualTo("Call the fire brigade");
        });
    }

    @Test
    void refusesATamperedBody() {
        byte[] tampered = "{\"test\": 2432232315}".getBytes(StandardCharsets.UTF_8);

        assertRejected(() -> verifierAt(SIGNED_AT, SVIX_SECRET).verify(SVIX_ID, SVIX_TIMESTAMP, SVIX_SIGNATURE, tampered),
                Reason.NO_VALID_SIGNATURE);
        // The ID and the timestamp are signed too.
        assertRejected(() -> verifierAt(SIGNED_AT, SVIX_SECRET).verify("msg_other", SVIX_TIMESTAMP, SVIX_SIGNATURE, SVIX_BODY),
                Reason.NO_VALID_SIGNATURE);
        assertRejected(() -> verifierAt(SIGNED_AT, SVIX_SECRET).verify(SVIX_ID, "1614265331", SVIX_SIGNATURE, SVIX_BODY),
                Reason.NO_VALID_SIGNATURE);
    }

    @Test
    void refusesTheWrongSecret() {
        assertRejected(() -> verifierAt(SIGNED_AT, OTHER_SECRET).verify(SVIX_ID, SVIX_TIMESTAMP, SVIX_SIGNATURE, SVIX_BODY),
                Reason.NO_VALID_SIGNATURE);
    }

    @Test
    void refusesTimestampsOutsideTheToleranceEitherWay() {
        Duration tolerance = WebhookOptions.DEFAULT_TOLERANCE;

        // Exactly at the bound still passes; one second beyond fails, in the past and in the future.
        assertThat(verifierAt(SIGNED_AT.plus(tolerance), SVIX_SECRET).verify(SVIX_ID, SVIX_TIMESTAMP, SVIX_SIGNATURE, SVIX_BODY))
                .isNotNull();
        assertThat(verifierAt(SIGNED_AT.minus(tolerance), SVIX_SECRET).verify(SVIX_ID, SVIX_TIMESTAMP, SVIX_SIGNATURE, SVIX_BODY))
                .isNotNull();
        assertRejected(() -> verifierAt(SIGNED_AT.plus(tolerance).plusSeconds(1), SVIX_SECRET)
                .verify(SVIX_ID, SVIX_TIMESTAMP, SVIX_SIGNATURE, SVIX_BODY), Reason.TIMESTAMP_TOO_OLD);
        assertRejected(() -> verifierAt(SIGNED_AT.minus(tolerance).minusSeconds(1), SVIX_SECRET)
                .verify(SVIX_ID, SVIX_TIMESTAMP, SVIX_SIGNATURE, SVIX_BODY), Reason.TIMESTAMP_IN_FUTURE);
        assertRejected(() -> verifierAt(SIGNED_AT, SVIX_SECRET).verify(SVIX_ID, "yesterday", SVIX_SIGNATURE, SVIX_BODY),
                Reason.BAD_TIMESTAMP);
    }

    @Test
    void acceptsAnyOfSeveralSignaturesAndIgnoresOtherVersions() {
        String rotating = "v1,Ceo5qEr07ixe2NLpvHk3FH9bwy/WavXrAFQ/9tdO6mc= v1a,anAsymmetricOne "
                + SVIX_SIGNATURE + " v1,bm90IGl0";

        assertThat(verifierAt(SIGNED_AT, SVIX_SECRET).verify(SVIX_ID, SVIX_TIMESTAMP, rotating, SVIX_BODY)).isNotNull();
        // The right bytes under another version are not a v1 signature.
        assertRejected(() -> verifierAt(SIGNED_AT, SVIX_SECRET)
                .verify(SVIX_ID, SVIX_TIMESTAMP, SVIX_SIGNATURE.replace("v1,", "v2,"), SVIX_BODY), Reason.NO_VALID_SIGNATURE);
    }

    @Test
    void acceptsEitherOfTwoSecretsWhileRotating() {
        var options = new WebhookOptions().addSecret(OTHER_SECRET).addSecret(SVIX_SECRET)
                .setClock(Clock.fixed(SIGNED_AT, ZoneOffset.UTC));

        assertThat(WebhookVerifier.create(options).verify(SVIX_ID, SVIX_TIMESTAMP, SVIX_SIGNATURE, SVIX_BODY)).isNotNull();
    }

    @Test
    void refusesMissingHeaders() {
        var verifier = verifierAt(SIGNED_AT, SVIX_SECRET);
        var all = MultiMap.caseInsensitiveMultiMap().add("Webhook-Id", SVIX_ID).add("Webhook-Timestamp", SVIX_TIMESTAMP)
                .add("Webhook-Signature", SVIX_SIGNATURE);

        assertThat(verifier.verify(all, SVIX_BODY)).isNotNull();
        for (String missing : new String[]{"webhook-id", "webhook-timestamp", "webhook-signature"}) {
            var headers = MultiMap.caseInsensitiveMultiMap().addAll(all).remove(missing);
            assertRejected(() -> verifier.verify(headers, SVIX_BODY), Reason.MISSING_HEADERS);
        }
        // Svix's own header names work too.
        var svix = MultiMap.caseInsensitiveMultiMap().add("svix-id", SVIX_ID).add("svix-timestamp", SVIX_TIMESTAMP)
                .add("svix-signature", SVIX_SIGNATURE);
        assertThat(verifier.verify(svix, SVIX_BODY)).isNotNull();
    }

    @Test
    void refusesASignedBodyThatIsNotAJsonObject() {
        byte[] body = "[1,2]".getBytes(StandardCharsets.UTF_8);
        String signature = WebhookSecret.parse(SVIX_SECRET).sign(SVIX_ID, SIGNED_AT.getEpochSecond(), body);

        assertRejected(() -> verifierAt(SIGNED_AT, SVIX_SECRET).verify(SVIX_ID, SVIX_TIMESTAMP, signature, body),
                Reason.NOT_AN_EVENT);
    }

    @Test
    void badSecretsFailBeforeAnythingIsReceivedAndNeverShowTheKey() {
        assertThatThrownBy(() -> WebhookSecret.parse("")).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("secret is empty");
        assertThatThrownBy(() -> WebhookSecret.parse("whsec_not base64!")).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("not a signing secret");
        assertThatThrownBy(() -> WebhookVerifier.create(new WebhookOptions())).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("addSecret");
        assertThat(WebhookSecret.parse(SVIX_SECRET).toString()).doesNotContain("MfKQ9r8");
        assertThat(new WebhookOptions().addSecret(SVIX_SECRET).toString()).doesNotContain("MfKQ9r8");
    }

    @Test
    void aRejectionNamesItsReasonButCannotForgeLogLines() {
        var rejection = new WebhookRejectedException(Reason.NO_VALID_SIGNATURE, "msg_1\nERROR forged line");

        assertThat(rejection.status()).isEqualTo(400);
        assertThat(rejection.getMessage()).contains("no v1 signature matches").doesNotContain("\n");
    }

    private static WebhookVerifier verifierAt(Instant now, String secret) {
        return WebhookVerifier.create(new WebhookOptions().addSecret(secret).setClock(Clock.fixed(now, ZoneOffset.UTC)));
    }

    private static void assertRejected(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, Reason reason) {
        assertThatThrownBy(call).isInstanceOfSatisfying(WebhookRejectedException.class,
                rejected -> assertThat(rejected.reason()).isEqualTo(reason));
    }
}
