package dev.firebrigade;

import dev.firebrigade.error.InvalidInputException;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** v3 unless told otherwise; INCIDENT_IO_ACTIONS_API chooses, and a value that names no API fails before sending. */
class ActionsApiChoiceTest extends SandboxFixture {
    private static final String KEY = "an-api-key-of-this-test";

    @Test
    void v3IsTheDefaultOfOptionsClientsAndTheEnvironment() {
        assertThat(new IncidentIoOptions().getActionsApi()).isEqualTo(ActionsApi.V3);
        assertThat(io.actions().api()).isEqualTo(ActionsApi.V3);
        assertThat(IncidentIo.optionsFrom(env(null)).getActionsApi()).isEqualTo(ActionsApi.V3);
        assertThat(io.toString()).contains("actions v3");

        io.actions().forIncident(INCIDENT).describe("Where does it go?").create().await();

        assertThat(sandbox.requests()).extracting(r -> r.method() + " " + r.path()).containsExactly("POST /v3/actions");
    }

    @Test
    void theEnvironmentChoosesV2OrV3InAnyCaseAndBlankMeansTheDefault() {
        assertThat(IncidentIo.optionsFrom(env("v2")).getActionsApi()).isEqualTo(ActionsApi.V2);
        assertThat(IncidentIo.optionsFrom(env(" V2 ")).getActionsApi()).isEqualTo(ActionsApi.V2);
        assertThat(IncidentIo.optionsFrom(env("V3")).getActionsApi()).isEqualTo(ActionsApi.V3);
        assertThat(IncidentIo.optionsFrom(env("")).getActionsApi()).isEqualTo(ActionsApi.V3);
        assertThat(IncidentIo.optionsFrom(env("  ")).getActionsApi()).isEqualTo(ActionsApi.V3);
    }

    @Test
    void aValueNamingNoApiIsAClearErrorAndNothingIsSent() {
        for (String bad : new String[] {"V4", "v", "3", "actions-v3", "v2,v3"}) {
            var error = catchThrowableOfType(InvalidInputException.class, () -> IncidentIo.optionsFrom(env(bad)));

            assertThat(error.field()).isEqualTo("INCIDENT_IO_ACTIONS_API");
            assertThat(error.getMessage()).isEqualTo("invalid_input: INCIDENT_IO_ACTIONS_API is '" + bad
                    + "', which is no actions API: set it to v3 (the default) or v2 (deprecated, removed by incident.io"
                    + " on 2026-12-31), or unset it");
        }
        assertThat(sandbox.requests()).isEmpty();
    }

    @Test
    void v2StaysSelectableAndSaysItIsDeprecated() {
        IncidentIo v2 = IncidentIo.create(vertx, clientOptions().setActionsApi(ActionsApi.V2));
        try {
            v2.actions().forIncident(INCIDENT).describe("The old way").create().await();
        } finally {
            v2.close().await();
        }

        assertThat(sandbox.requests()).extracting(r -> r.method() + " " + r.path()).containsExactly("POST /v2/actions");
        assertThat(ActionsApi.V2.deprecated()).isTrue();
        assertThat(ActionsApi.V2.deprecationNotice()).isEqualTo("firebrigade: the v2 actions API (/v2/actions) is"
                + " deprecated and incident.io removes it on 2026-12-31; switch to v3 by unsetting"
                + " INCIDENT_IO_ACTIONS_API or setting it to v3");
        assertThat(ActionsApi.V3.deprecationNotice()).isNull();
    }

    private static Map<String, String> env(String actionsApi) {
        var env = new HashMap<String, String>();
        env.put(IncidentIo.API_KEY_ENV, KEY);
        if (actionsApi != null) {
            env.put(IncidentIo.ACTIONS_API_ENV, actionsApi);
        }
        return env;
    }
}
