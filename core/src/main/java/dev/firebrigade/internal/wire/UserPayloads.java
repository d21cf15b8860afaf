package dev.firebrigade.internal.wire;

import dev.firebrigade.model.PaginationMeta;
import dev.firebrigade.model.User;

import java.util.List;

/** The JSON answers of the users endpoints, as the spec names them. */
public final class UserPayloads {
    private UserPayloads() {
    }

    /** {@code UsersShowResultV2}. */
    public record One(User user) {
    }

    /** {@code UsersListResultV2}. */
    public record Many(List<User> users, PaginationMeta paginationMeta) implements PageBody<User> {
        @Override
        public List<User> items() {
            return users == null ? List.of() : users;
        }
    }
}
