package org.salesbench.core.security;

/** What a user wants to do with a record. */
public enum Action {
    READ, CREATE, UPDATE, DELETE, EXPORT,
    /** Approve what another person asks for (a discount, a contract): never one's own request. */
    APPROVE
}
