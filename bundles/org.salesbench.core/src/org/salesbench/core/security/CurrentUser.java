package org.salesbench.core.security;

import java.util.List;

/**
 * The signed-in user as the services see it.
 *
 * @param login the login: on a team server the database user, on an embedded database its local owner
 * @param displayName the name shown, e.g. in the status bar
 * @param roles the names of the user's roles
 * @param localOwner whether this is the single owner of an embedded database, who has every right
 */
public record CurrentUser(String login, String displayName, List<String> roles, boolean localOwner) {

    public CurrentUser {
        roles = List.copyOf(roles);
    }

    /** The local owner of an embedded database. */
    public CurrentUser(String login, String displayName) {
        this(login, displayName, List.of(), true);
    }
}
