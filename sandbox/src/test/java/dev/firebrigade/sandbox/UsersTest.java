package dev.firebrigade.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class UsersTest extends DemoSandboxTest {
    private static List<String> ids(JsonObject list) {
        return list.getJsonArray("users").stream().map(u -> ((JsonObject) u).getString("id")).toList();
    }

    @Test
    void listsActiveUsersInIdOrderByDefault() {
        var response = http.get("/v2/users");

        assertThat(response.statusCode()).isEqualTo(200);
        var body = response.bodyAsJsonObject();
        assertThat(ids(body)).containsExactly(DemoData.USER_LISA, DemoData.USER_MARTHA, DemoData.USER_RORY,
                DemoData.USER_SAM, DemoData.USER_SAM_SECOND);
        assertThat(body.getJsonObject("pagination_meta")).isEqualTo(new JsonObject().put("page_size", 25));
    }

    @Test
    void includesInactiveUsersWhenAsked() {
        var body = http.get("/v2/users?include_inactive=true").bodyAsJsonObject();

        assertThat(ids(body)).containsExactly(DemoData.USER_LISA, DemoData.USER_MARTHA, DemoData.USER_RORY_INACTIVE,
                DemoData.USER_RORY, DemoData.USER_SAM, DemoData.USER_SAM_SECOND, DemoData.USER_DONNA_INACTIVE);
    }

    @Test
    void returnsTheFullUserWithRoles() {
        var body = http.get("/v2/users?email=lisa@incident.io").bodyAsJsonObject();

        assertThat(body.getJsonArray("users")).isEqualTo(new JsonArray().add(new JsonObject()
                .put("id", "01FCNDV6P870EA6S7TK1DSYDG0")
                .put("name", "Lisa Karlin Curtis")
                .put("email", "lisa@incident.io")
                .put("slack_user_id", "U02AYNF2XJM")
                .put("role", "owner")
                .put("is_active", true)
                .put("base_role", new JsonObject().put("id", "01FCNDV6P870EA6S7TK1DSYDG9").put("name", "Owner").put("slug", "owner")
                        .put("description", "Full access, including billing and API keys."))
                .put("custom_roles", new JsonArray().add(new JsonObject().put("id", "01FD8YPAE8EWRN0TZJXZ3FGXRR")
                        .put("name", "Customer Success").put("slug", "customer-success")
                        .put("description", "Elevated permissions for the customer success team.")))
                .put("seats", new JsonObject().put("on_call", "full_access").put("response", "full_access"))));
    }

    @Test
    void findsOnlyTheActiveRowOfAnEmailWithAnInactiveDuplicate() {
        assertThat(ids(http.get("/v2/users?email=rory@incident.io").bodyAsJsonObject()))
                .containsExactly(DemoData.USER_RORY);
        assertThat(ids(http.get("/v2/users?email=rory@incident.io&include_inactive=true").bodyAsJsonObject()))
                .containsExactly(DemoData.USER_RORY_INACTIVE, DemoData.USER_RORY);
    }

    @Test
    void findsTwoActiveUsersForTheAmbiguousEmail() {
        assertThat(ids(http.get("/v2/users?email=sam@incident.io").bodyAsJsonObject()))
                .containsExactly(DemoData.USER_SAM, DemoData.USER_SAM_SECOND);
    }

    @Test
    void findsNoActiveUserForAnInvitedEmail() {
        assertThat(ids(http.get("/v2/users?email=donna@incident.io").bodyAsJsonObject())).isEmpty();
        assertThat(ids(http.get("/v2/users?email=donna@incident.io&include_inactive=true").bodyAsJsonObject()))
                .containsExactly(DemoData.USER_DONNA_INACTIVE);
    }

    @Test
    void matchesEmailIgnoringCase() {
        assertThat(ids(http.get("/v2/users?email=Lisa@Incident.IO").bodyAsJsonObject())).containsExactly(DemoData.USER_LISA);
    }

    @Test
    void filtersBySlackUserId() {
        assertThat(ids(http.get("/v2/users?slack_user_id=U02B7J4PQ1K").bodyAsJsonObject())).containsExactly(DemoData.USER_MARTHA);
        assertThat(ids(http.get("/v2/users?slack_user_id=UNKNOWN").bodyAsJsonObject())).isEmpty();
    }

    @Test
    void pagesThroughUsersWithTheAfterCursor() {
        var seen = new ArrayList<String>();
        var pages = new ArrayList<JsonObject>();
        String after = null;
        do {
            var body = http.get("/v2/users?include_inactive=true&page_size=3" + (after == null ? "" : "&after=" + after)).bodyAsJsonObject();
            pages.add(body.getJsonObject("pagination_meta"));
            seen.addAll(ids(body));
            after = body.getJsonObject("pagination_meta").getString("after");
        } while (after != null);

        assertThat(seen).containsExactly(DemoData.USER_LISA, DemoData.USER_MARTHA, DemoData.USER_RORY_INACTIVE,
                DemoData.USER_RORY, DemoData.USER_SAM, DemoData.USER_SAM_SECOND, DemoData.USER_DONNA_INACTIVE);
        assertThat(pages).containsExactly(
                new JsonObject().put("page_size", 3).put("after", DemoData.USER_RORY_INACTIVE),
                new JsonObject().put("page_size", 3).put("after", DemoData.USER_SAM_SECOND),
                new JsonObject().put("page_size", 3));
    }

    @Test
    void refusesPageSizesOutOfRange() {
        for (var size : List.of("0", "10001", "ten")) {
            var response = http.get("/v2/users?page_size=" + size);

            assertThat(response.statusCode()).as(size).isEqualTo(422);
            assertThat(response.bodyAsJsonObject().getJsonArray("errors").getJsonObject(0)).isEqualTo(new JsonObject()
                    .put("code", "invalid_value").put("message", "The page_size must be a number from 1 to 10000, but was '" + size + "'")
                    .put("source", new JsonObject().put("field", "page_size").put("pointer", "/page_size")));
        }
    }

    @Test
    void refusesANonBooleanIncludeInactive() {
        assertThat(http.get("/v2/users?include_inactive=yes").statusCode()).isEqualTo(422);
    }

    @Test
    void showsOneUserEvenIfInactive() {
        var response = http.get("/v2/users/" + DemoData.USER_DONNA_INACTIVE);

        assertThat(response.statusCode()).isEqualTo(200);
        var user = response.bodyAsJsonObject().getJsonObject("user");
        assertThat(user.getString("name")).isEqualTo("Donna Noble");
        assertThat(user.getBoolean("is_active")).isFalse();
        assertThat(user.getString("role")).isEqualTo("unset");
    }

    @Test
    void answersUnknownUserWith404() {
        var response = http.get("/v2/users/01NOBODY000000000000000000");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.bodyAsJsonObject().getJsonArray("errors")).isEqualTo(new JsonArray().add(new JsonObject()
                .put("code", "not_found").put("message", "No user found with ID '01NOBODY000000000000000000'")));
    }

    @Test
    void servesUsersAddedByTests() {
        // Its own sandbox: the other tests here expect exactly the demo users.
        try (var own = SandboxClient.start()) {
            var added = own.sandbox.state().addUser(new JsonObject().put("name", "Amy Pond").put("email", "amy@example.com"));

            var body = own.get("/v2/users?email=amy@example.com").bodyAsJsonObject();

            assertThat(ids(body)).containsExactly(added.getString("id"));
            assertThat(body.getJsonArray("users").getJsonObject(0)).isEqualTo(added);
            assertThat(added.getString("role")).isEqualTo("responder");
            assertThat(added.getJsonObject("base_role").getString("slug")).isEqualTo("responder");
            assertThat(added.getBoolean("is_active")).isTrue();
        }
    }
}
