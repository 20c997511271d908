package org.salesbench.testing;

import java.util.List;
import java.util.Map;

import org.salesbench.core.security.Action;
import org.salesbench.core.security.CurrentUser;
import org.salesbench.core.security.SecurityService;

/**
 * The security seam of a team in a test on Derby: who is signed in changes with {@link #as}; every user may read and
 * write, and only sales managers and administrators hold the APPROVE right (as the built-in roles grant it).
 */
public final class SignedIn implements SecurityService {

    private final Map<String, List<String>> roles;
    private volatile CurrentUser user;

    /** A team whose people hold these roles, with {@code login} signed in. */
    public SignedIn(Map<String, List<String>> roles, String login) {
        this.roles = roles;
        as(login);
    }

    /** Signs {@code login} in instead. */
    public SignedIn as(String login) {
        user = new CurrentUser(login, login, roles.getOrDefault(login, List.of()), false);
        return this;
    }

    @Override
    public CurrentUser currentUser() {
        return user;
    }

    @Override
    public boolean isPermitted(Action action, String entity, String owner) {
        return action != Action.APPROVE || user.roles().contains("sales_manager") || user.roles().contains("administrator");
    }
}
