package org.salesbench.core.security;

/** What a user wants to do with a record. */
public enum Action {
    READ, CREATE, UPDATE, DELETE
}
