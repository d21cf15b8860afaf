package dev.firebrigade.webhooks;

import dev.firebrigade.model.ActionStatus;
import dev.firebrigade.model.IncidentMode;
import dev.firebrigade.webhooks.WebhookEvent.Change;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Every action, follow-up and incident event type of the spec's x-webhooks, from its documented example. */
class SpecEventsTest {
    private static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    private static final Instant NOW = Instant.parse("2026-12-02T04:00:00Z");

    @Test
    void everyActionFollowUpAndIncidentTypeOfTheSpecComesTyped() {
        List<String> types = Spec.webhooks().fieldNames().stream()
                .filter(type -> type.startsWith("public_incident.") || type.startsWith("private_incident."))
                .filter(type -> type.contains(".action_") || type.contains(".follow_up_") || type.contains(".incident_"))
                .sorted().toList();

        assertThat(types).hasSize(17);
        for (String type : types) {
            WebhookEvent event = deliver(type);
            assertThat(event).as(type).isNotInstanceOf(RawEvent.class);
            assertThat(event.type()).isEqualTo(type);
            assertThat(event.json()).isEqualTo(Spec.example(type));
        }
    }

    @Test
    void theActionExampleReadsIntoTheClientsActionModel() {
        var event = (ActionEvent) deliver("public_incident.action_updated_v1");

        assertThat(event.change()).isEqualTo(Change.UPDATED);
        assertThat(event.followUp()).isTrue();
        assertThat(event.action().id()).isEqualTo("01FCNDV6P870EA6S7TK1DSYDG0");
        assertThat(event.action().status()).isEqualTo(ActionStatus.OUTSTANDING);
        assertThat(event.action().assignee().email()).isEqualTo("lisa@incident.io");
        assertThat(event.action().updatedAt()).isEqualTo(Instant.parse("2021-08-17T13:28:57.801578Z"));
    }

    @Test
    void followUpsOfBothVersionsReadIntoOneShape() {
        var v1 = (FollowUpEvent) deliver("public_incident.follow_up_created_v1");
        var v2 = (FollowUpEvent) deliver("public_incident.follow_up_created_v2");

        assertThat(v1.followUp().description()).isEqualTo("Call the fire brigade");
        assertThat(v1.followUp().title()).isNull();
        assertThat(v2.followUp().title()).isEqualTo("Cat is stuck in the tree");
        assertThat(v2.followUp().labels()).containsExactly("bug", "urgent");
        assertThat(v2.followUp().priority().name()).isEqualTo("Urgent");
        assertThat(v2.followUp().creator().apiKey().name()).isEqualTo("My test API key");
    }

    @Test
    void incidentEventsCarryTheIncidentAndStatusChangesBothStatuses() {
        var created = (IncidentEvent) deliver("public_incident.incident_created_v2");
        var status = (IncidentEvent) deliver("public_incident.incident_status_updated_v2");

        assertThat(created.change()).isEqualTo(Change.CREATED);
        assertThat(created.incident().reference()).isEqualTo(Spec.example("public_incident.incident_created_v2")
                .getJsonObject("public_incident.incident_created_v2").getString("reference"));
        assertThat(created.incident().mode()).isNotEqualTo(IncidentMode.UNKNOWN);
        assertThat(status.change()).isEqualTo(Change.STATUS_UPDATED);
        assertThat(status.incident()).isNotNull();
        assertThat(status.previousStatus().name()).isNotBlank();
        assertThat(status.newStatus().name()).isNotBlank();
    }

    @Test
    void privateIncidentEventsCarryOnlyTheId() {
        var event = (PrivateIncidentEvent) deliver("private_incident.follow_up_updated_v2");

        assertThat(event.resource()).isEqualTo(PrivateIncidentEvent.Resource.FOLLOW_UP);
        assertThat(event.change()).isEqualTo(Change.UPDATED);
        assertThat(event.resourceId()).isEqualTo("abc123");
    }

    @Test
    void otherTypesComeRaw() {
        WebhookEvent event = deliver("public_alert.alert_created_v1");

        assertThat(event).isInstanceOf(RawEvent.class);
        assertThat(event.json().getJsonObject("public_alert.alert_created_v1")).isNotNull();
    }

    private static WebhookEvent deliver(String type) {
        byte[] body = Spec.example(type).encode().getBytes(StandardCharsets.UTF_8);
        String signature = WebhookSecret.parse(SECRET).sign("msg_" + type, NOW.getEpochSecond(), body);
        var verifier = WebhookVerifier.create(new WebhookOptions().addSecret(SECRET).setClock(Clock.fixed(NOW, ZoneOffset.UTC)));
        return verifier.verify("msg_" + type, Long.toString(NOW.getEpochSecond()), signature, body);
    }
}
