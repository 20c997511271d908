package org.salesbench.workflow.approvals;

/** Who approves a step: the holders of a role, the record owner's manager, or named users. */
public enum ApproverKind {
    /** Every active user holding the role named by the step's approvers value. */
    ROLE,
    /**
     * The manager of the record's owner (the user's manager, else the manager of a team the owner belongs to); when the
     * owner has none, the holders of the role named by the step's approvers value (may be empty: then no fallback).
     */
    OWNER_MANAGER,
    /** The users whose logins the step's approvers value lists, separated by commas. */
    USERS
}
