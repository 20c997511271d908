package org.salesbench.core.security;

/**
 * The permission seam every service calls before it reads or writes. Today one local
 * administrator may do everything; roles and record-level sharing plug in here later without the
 * services changing.
 */
public interface SecurityService {

    CurrentUser currentUser();

    /** Whether the current user may perform {@code action} on records of {@code entity} owned by {@code owner}. */
    boolean isPermitted(Action action, String entity, String owner);

    /** Like {@link #isPermitted} but throws {@link AccessDeniedException} naming what was refused. */
    default void check(Action action, String entity, String owner) {
        if (!isPermitted(action, entity, owner)) {
            throw new AccessDeniedException(currentUser().login() + " may not " + action.name().toLowerCase()
                    + " " + entity + (owner == null ? "" : " owned by " + owner));
        }
    }
}
