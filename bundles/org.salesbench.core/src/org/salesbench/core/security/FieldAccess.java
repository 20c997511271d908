package org.salesbench.core.security;

/** What a user may do with one field of the records they may read. */
public enum FieldAccess {
    HIDDEN, READ, EDIT
}
