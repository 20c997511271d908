package org.salesbench.core.security;

import java.util.Map;

/**
 * The permission seam every service calls before it reads or writes. Services pass the owner of the record as it
 * is stored (load it first), never the owner a caller sends. On a team server the database enforces record
 * visibility as well (row-level security), so a read that slips past a service still sees only what the user may.
 */
public interface SecurityService {

    CurrentUser currentUser();

    /** Whether the current user may perform {@code action} on a record of {@code entity} owned by {@code owner}. */
    boolean isPermitted(Action action, String entity, String owner);

    /** Whose records of {@code entity} the current user may {@code action}: the widest scope of their roles. */
    default Scope scope(Action action, String entity) {
        return Scope.ALL;
    }

    /** What the current user may do with {@code field} of {@code entity}. */
    default FieldAccess fieldAccess(String entity, String field) {
        return fieldRules(entity).getOrDefault(field, FieldAccess.EDIT);
    }

    /** The fields of {@code entity} the current user may not edit, with what they may do (see {@link FieldSecurity}). */
    default Map<String, FieldAccess> fieldRules(String entity) {
        return Map.of();
    }

    /**
     * Whether the record {@code id} of {@code entity} is shared with the current user (or a team of theirs), to read or,
     * with {@code edit}, to edit: a share or a place on a customer's account team reaches past the user's roles.
     */
    default boolean isSharedWith(String entity, long id, boolean edit) {
        return false;
    }

    /**
     * Checks that the current user may {@code action} the stored record {@code id} of {@code entity} owned by
     * {@code owner}: their roles allow it, or (reading and editing) it is shared with them.
     */
    default void check(Action action, String entity, String owner, long id) {
        if (isPermitted(action, entity, owner)
                || (action == Action.READ || action == Action.UPDATE) && isSharedWith(entity, id, action == Action.UPDATE)) {
            return;
        }
        if (action == Action.UPDATE && isSharedWith(entity, id, false)) {
            throw new AccessDeniedException(SecurityMessages.readShareOnly(currentUser().login(), entity, owner));
        }
        throw new AccessDeniedException(SecurityMessages.denied(currentUser().login(), action, entity, owner));
    }

    /**
     * Checks that the current user may save a change of the stored record {@code id} of {@code entity} owned by
     * {@code storedOwner}, which the change gives to {@code newOwner}: their roles or an edit share (of the user, a team
     * of theirs or the record's account team) let them change it, as the database's update policy does on a team server.
     * Handing the record to someone else takes the roles' reach over both owners: a share lets a user change a record,
     * never give it away.
     */
    default void checkUpdate(String entity, String storedOwner, String newOwner, long id) {
        check(Action.UPDATE, entity, storedOwner, id);
        if (!java.util.Objects.equals(storedOwner, newOwner)) {
            if (!isPermitted(Action.UPDATE, entity, storedOwner)) {
                throw new AccessDeniedException(SecurityMessages.handOver(currentUser().login(), entity, newOwner, storedOwner));
            }
            check(Action.UPDATE, entity, newOwner);
        }
    }

    /** Like {@link #isPermitted} but throws {@link AccessDeniedException} naming what was refused. */
    default void check(Action action, String entity, String owner) {
        if (!isPermitted(action, entity, owner)) {
            throw new AccessDeniedException(SecurityMessages.denied(currentUser().login(), action, entity, owner));
        }
    }

    /**
     * Checks that the current user may approve what {@code requester} asked for on a record of {@code entity}
     * owned by {@code owner}: approval rights come from roles, and nobody approves their own request. The one
     * exception is the owner of an embedded database, the only person there is.
     */
    default void checkApproval(String entity, String owner, String requester) {
        if (!currentUser().localOwner() && currentUser().login().equalsIgnoreCase(requester)) {
            throw new AccessDeniedException(SecurityMessages.ownRequest(currentUser().login(), entity));
        }
        check(Action.APPROVE, entity, owner);
    }
}
