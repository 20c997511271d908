package org.salesbench.core.security;

/**
 * The single owner of an embedded database, who may do everything: the user named by the system property
 * {@code salesbench.user} (default {@code admin}). Not a service: the users module signs the user in; tests and
 * tools that open a database of their own use this.
 */
public class LocalSecurityService implements SecurityService {

    public static final String USER_PROPERTY = "salesbench.user";
    /** The name shown for the user, e.g. in the status bar; the login when unset. */
    public static final String DISPLAY_NAME_PROPERTY = "salesbench.user.name";
    /** The local owner when {@value #USER_PROPERTY} is unset. */
    public static final String DEFAULT_LOGIN = "admin";

    private final CurrentUser user;

    public LocalSecurityService() {
        this(localLogin(), System.getProperty(DISPLAY_NAME_PROPERTY));
    }

    public LocalSecurityService(String login) {
        this(login, null);
    }

    public LocalSecurityService(String login, String displayName) {
        this.user = new CurrentUser(login, displayName == null || displayName.isBlank() ? login : displayName);
    }

    /** The login of an embedded database's owner on this machine. */
    public static String localLogin() {
        String login = System.getProperty(USER_PROPERTY);
        return login == null || login.isBlank() ? DEFAULT_LOGIN : login.trim();
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
