package dev.firebrigade;

import dev.firebrigade.error.InvalidInputException;
import dev.firebrigade.error.NotFoundException;
import dev.firebrigade.error.UnresolvedReferenceException;
import dev.firebrigade.model.Identity;
import dev.firebrigade.model.User;
import dev.firebrigade.model.UserRole;
import dev.firebrigade.sandbox.DemoData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.firebrigade.ReferenceResolutionTest.requests;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** users() and identity() over loopback. */
class UsersTest extends SandboxFixture {

    @BeforeEach
    void forgetRequests() {
        sandbox.clearRequests();
    }

    @Test
    void getsAUserWithRoles() {
        User lisa = io.users().get(DemoData.USER_LISA).await();

        assertThat(lisa.name()).isEqualTo("Lisa Karlin Curtis");
        assertThat(lisa.email()).isEqualTo("lisa@incident.io");
        assertThat(lisa.slackUserId()).isEqualTo("U02AYNF2XJM");
        assertThat(lisa.role()).isEqualTo(UserRole.OWNER);
        assertThat(lisa.isActive()).isTrue();
        assertThat(lisa.baseRole().slug()).isEqualTo("owner");
        assertThat(lisa.customRoles()).extracting(r -> r.name()).containsExactly("Customer Success");
        assertThat(lisa.toString()).isEqualTo("User " + DemoData.USER_LISA + " Lisa Karlin Curtis <lisa@incident.io>");
    }

    @Test
    void anUnknownUserIsNotFound() {
        assertThatThrownBy(() -> io.users().get("01NOBODY").await()).isInstanceOf(NotFoundException.class);
    }

    @Test
    void listsActiveUsersByDefaultAndEveryoneWhenAsked() {
        List<User> active = io.users().list().fetch().await();
        List<User> everyone = io.users().list().includeInactive().fetch().await();

        assertThat(active).extracting(User::id).doesNotContain(DemoData.USER_RORY_INACTIVE, DemoData.USER_DONNA_INACTIVE)
                .contains(DemoData.USER_LISA, DemoData.USER_RORY);
        assertThat(everyone).extracting(User::id).contains(DemoData.USER_RORY_INACTIVE, DemoData.USER_DONNA_INACTIVE);
        assertThat(everyone.stream().filter(u -> !u.active())).extracting(User::toString)
                .allMatch(s -> s.endsWith("(inactive)"));
    }

    @Test
    void filtersByEmailAndBySlackId() {
        List<User> rorys = io.users().list().email(DemoData.EMAIL_ONE_ACTIVE_ONE_INACTIVE).includeInactive().fetch().await();
        List<User> bySlack = io.users().list().slackUserId("U02AYNF2XJM").fetch().await();

        assertThat(rorys).extracting(User::id)
                .containsExactlyInAnyOrder(DemoData.USER_RORY, DemoData.USER_RORY_INACTIVE);
        assertThat(bySlack).extracting(User::id).containsExactly(DemoData.USER_LISA);
        assertThat(requests("GET", "/v2/users")).extracting(r -> r.query()).containsExactly(
                "email=rory%40incident.io&include_inactive=true&page_size=250",
                "slack_user_id=U02AYNF2XJM&page_size=250");
    }

    @Test
    void pagesKeepEveryFilterAndOption() {
        Page<User> first = io.users().list().includeInactive().pageSize(3).firstPage().await();
        Page<User> second = first.next().await();
        Page<User> third = second.next().await();

        assertThat(first.items()).hasSize(3);
        assertThat(first.hasNext()).isTrue();
        assertThat(second.items()).hasSize(3);
        assertThat(third.items()).hasSize(1);
        assertThat(third.hasNext()).isFalse();
        assertThat(requests("GET", "/v2/users")).extracting(r -> r.query()).containsExactly(
                "include_inactive=true&page_size=3",
                "include_inactive=true&page_size=3&after=" + first.after(),
                "include_inactive=true&page_size=3&after=" + second.after());
        assertThat(third.next().failed()).isTrue();
        assertThat(third.next().cause()).isInstanceOf(InvalidInputException.class).hasMessageContaining("hasNext()");
        assertThat(first.toString()).isEqualTo("Page of 3, more after " + first.after());
    }

    @Test
    void byEmailPicksTheActiveAccountOrExplains() {
        assertThat(io.users().byEmail(DemoData.EMAIL_ONE_ACTIVE_ONE_INACTIVE).await().id()).isEqualTo(DemoData.USER_RORY);
        assertThatThrownBy(() -> io.users().byEmail(DemoData.EMAIL_TWO_ACTIVE).await())
                .isInstanceOfSatisfying(UnresolvedReferenceException.class,
                        e -> assertThat(e.field()).isEqualTo("email"))
                .hasMessageContaining("byEmail(...)");
    }

    @Test
    void badFiltersFailBeforeSending() {
        assertThat(io.users().list().email(" ").fetch().cause()).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("email(...)");
        assertThat(io.users().list().pageSize(0).firstPage().cause()).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("page_size is 0");
        assertThat(io.users().list().collect(-1).cause()).isInstanceOf(InvalidInputException.class);
        assertThat(sandbox.requests()).isEmpty();
    }

    @Test
    void identityNamesTheKeyAndItsRoles() {
        Identity identity = io.identity().await();

        assertThat(identity.name()).isEqualTo("Firebrigade sandbox");
        assertThat(identity.roles()).contains("viewer", "incident_creator");
        assertThat(identity.hasRole("incident_editor")).isTrue();
        assertThat(identity.dashboardUrl()).isEqualTo("https://app.incident.io/firebrigade-sandbox");
        assertThat(identity.toString()).isEqualTo("Identity \"Firebrigade sandbox\" "
                + "[viewer, incident_creator, incident_editor, global_access] at https://app.incident.io/firebrigade-sandbox");
    }
}
