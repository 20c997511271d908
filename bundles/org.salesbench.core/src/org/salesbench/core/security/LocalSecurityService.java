package org.salesbench.core.security;

import org.osgi.service.component.annotations.Component;

/**
 * Single-user security for a local installation: the user named by the system property
 * {@code salesbench.user} (default {@code admin}) may do everything.
 */
@Component(service = SecurityService.class)
public class LocalSecurityService implements SecurityService {

    public static final String USER_PROPERTY = "salesbench.user";
    /** The name shown for the user, e.g. in the status bar; the login when unset. */
    public static final String DISPLAY_NAME_PROPERTY = "salesbench.user.name";

    private final CurrentUser user;

    public LocalSecurityService() {
        this(System.getProperty(USER_PROPERTY, "admin"), System.getProperty(DISPLAY_NAME_PROPERTY));
    }

    public LocalSecurityService(String login) {
        this(login, null);
    }

    public LocalSecurityService(String login, String displayName) {
        this.user = new CurrentUser(login, displayName == null || displayName.isBlank() ? login : displayName);
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
