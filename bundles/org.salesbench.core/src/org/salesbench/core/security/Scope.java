package org.salesbench.core.security;

/**
 * Whose records a grant reaches. A user's roles combine: the scopes of all their grants for an entity and action
 * add up (most permissive wins).
 */
public enum Scope {
    /** Nobody's. */
    NONE,
    /** The user's own records. */
    OWN,
    /** Records owned by the members of the user's teams. */
    TEAM,
    /** The user's own and those of everyone below them in the manager chain (and the teams they manage). */
    SUBORDINATES,
    /** Everyone's. */
    ALL
}
