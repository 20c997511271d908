package org.salesbench.core.security;

/** The signed-in user as the services see it: a login name and a display name. */
public record CurrentUser(String login, String displayName) {
}
