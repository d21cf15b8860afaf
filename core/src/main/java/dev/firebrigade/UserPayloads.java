package dev.firebrigade;

import dev.firebrigade.model.PaginationMeta;
import dev.firebrigade.model.User;

import java.util.List;

/** The JSON answers of the users endpoints, as the spec names them. */
final class UserPayloads {
    private UserPayloads() {
    }

    /** {@code UsersShowResultV2}. */
    record One(User user) {
    }

    /** {@code UsersListResultV2}. */
    record Many(List<User> users, PaginationMeta paginationMeta) implements PageBody<User> {
        @Override
        public List<User> items() {
            return users == null ? List.of() : users;
        }
    }
}
