package org.salesbench.users.internal;

import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.salesbench.core.security.Action;
import org.salesbench.core.security.FieldAccess;
import org.salesbench.core.security.Scope;
import org.salesbench.users.Role;

/**
 * What one user may do, worked out once from their roles, teams and manager chain; the same rules the team server's
 * row-level security applies (users changelog, {@code SB_VISIBLE_OWNERS}).
 */
final class AccessProfile {

    private final String login;
    private final boolean everything;
    private final List<Role> roles;
    private final Set<String> teamMates;
    private final Set<String> subordinates;

    private AccessProfile(String login, boolean everything, List<Role> roles, Set<String> teamMates, Set<String> subordinates) {
        this.login = login;
        this.everything = everything;
        this.roles = roles;
        this.teamMates = teamMates;
        this.subordinates = subordinates;
    }

    /** The single owner of an embedded database: every right. */
    static AccessProfile owner(String login) {
        return new AccessProfile(login, true, List.of(), Set.of(), Set.of());
    }

    static AccessProfile of(String login, List<Role> roles, Set<String> teamMates, Set<String> subordinates) {
        return new AccessProfile(login, false, List.copyOf(roles), Set.copyOf(teamMates), Set.copyOf(subordinates));
    }

    /** The scopes of all the user's roles for this entity and action (a role's own grant beats its {@code *} grant). */
    EnumSet<Scope> scopes(Action action, String entity) {
        EnumSet<Scope> scopes = EnumSet.noneOf(Scope.class);
        if (everything) {
            scopes.add(Scope.ALL);
            return scopes;
        }
        for (Role role : roles) {
            Scope own = null;
            Scope every = null;
            for (Role.Grant g : role.grants()) {
                if (g.action() == action && g.entity().equals(entity)) {
                    own = g.scope();
                } else if (g.action() == action && g.entity().equals(Role.EVERY_ENTITY)) {
                    every = g.scope();
                }
            }
            Scope scope = own != null ? own : every;
            if (scope != null && scope != Scope.NONE) {
                scopes.add(scope);
            }
        }
        return scopes;
    }

    Scope widest(Action action, String entity) {
        EnumSet<Scope> scopes = scopes(action, entity);
        return scopes.isEmpty() ? Scope.NONE : scopes.stream().max(Enum::compareTo).orElseThrow();
    }

    boolean permits(Action action, String entity, String owner) {
        EnumSet<Scope> scopes = scopes(action, entity);
        if (scopes.contains(Scope.ALL)) {
            return true;
        }
        if (scopes.isEmpty()) {
            return false;
        }
        if (owner == null) {
            return true; // a new record, or the question whether any at all: the record's owner decides later
        }
        return (scopes.contains(Scope.OWN) || scopes.contains(Scope.SUBORDINATES)) && owner.equals(login)
                || scopes.contains(Scope.TEAM) && teamMates.contains(owner)
                || scopes.contains(Scope.SUBORDINATES) && subordinates.contains(owner);
    }

    /**
     * The fields of {@code entity} the user may not edit: a field is restricted only when every one of their roles
     * restricts it (most permissive wins), to the widest access any of them gives.
     */
    Map<String, FieldAccess> fieldRules(String entity) {
        if (everything || roles.isEmpty()) {
            return Map.of();
        }
        Map<String, FieldAccess> rules = new HashMap<>();
        for (Role role : roles) {
            for (Role.FieldRule rule : role.fields()) {
                if (rule.entity().equals(entity)) {
                    rules.putIfAbsent(rule.field(), rule.access());
                }
            }
        }
        rules.replaceAll((field, access) -> {
            FieldAccess widest = access;
            for (Role role : roles) {
                FieldAccess own = role.fields().stream().filter(r -> r.entity().equals(entity) && r.field().equals(field))
                        .map(Role.FieldRule::access).findFirst().orElse(FieldAccess.EDIT);
                widest = own.compareTo(widest) > 0 ? own : widest;
            }
            return widest;
        });
        rules.values().removeIf(access -> access == FieldAccess.EDIT);
        return rules;
    }
}
