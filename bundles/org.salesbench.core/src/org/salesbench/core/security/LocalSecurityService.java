package org.salesbench.core.security;

import org.osgi.service.component.annotations.Component;

/**
 * Single-user security for a local installation: the user named by the system property
 * {@code salesbench.user} (default {@code admin}) may do everything.
 */
@Component(service = SecurityService.class)
public class LocalSecurityService implements SecurityService {

    public static final String USER_PROPERTY = "salesbench.user";

    private final CurrentUser user;

    public LocalSecurityService() {
        this(System.getProperty(USER_PROPERTY, "admin"));
    }

    public LocalSecurityService(String login) {
        this.user = new CurrentUser(login, login);
    }

    @Override
    public CurrentUser currentUser() {
        return user;
    }

    @Override
    public boolean isPermitted(Action action, String entity, String owner) {
        return true;
    }
}
