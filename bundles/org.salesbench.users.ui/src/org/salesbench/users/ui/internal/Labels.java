package org.salesbench.users.ui.internal;

import org.salesbench.core.security.Action;
import org.salesbench.core.security.Scope;
import org.salesbench.users.Role;

/** How the grants of a role read in the user's language. */
final class Labels {

    private Labels() {
    }

    static String of(Action action) {
        return switch (action) {
            case READ -> Messages.Action_READ;
            case CREATE -> Messages.Action_CREATE;
            case UPDATE -> Messages.Action_UPDATE;
            case DELETE -> Messages.Action_DELETE;
            case EXPORT -> Messages.Action_EXPORT;
            case APPROVE -> Messages.Action_APPROVE;
        };
    }

    static String of(Scope scope) {
        return switch (scope) {
            case NONE -> Messages.Scope_NONE;
            case OWN -> Messages.Scope_OWN;
            case TEAM -> Messages.Scope_TEAM;
            case SUBORDINATES -> Messages.Scope_SUBORDINATES;
            case ALL -> Messages.Scope_ALL;
        };
    }

    static String entity(String entity) {
        return Role.EVERY_ENTITY.equals(entity) ? Messages.Users_everyEntity : entity;
    }
}
