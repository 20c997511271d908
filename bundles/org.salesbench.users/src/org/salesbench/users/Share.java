package org.salesbench.users;

/**
 * A record shared beyond what its readers' roles reach: with a user (their login) or a team ({@link #team}), to read
 * or to edit. An account team on a customer is a set of shares with an account role ("pre-sales", "implementation").
 */
public record Share(String entity, long recordId, String grantee, boolean edit, String accountRole) {

    /** The kinds of record that can be shared (their tables carry an owner and the row-level policies that read shares). */
    public static final java.util.List<String> SHAREABLE = java.util.List.of("customer", "opportunity");

    /** The grantee naming a team by its id. */
    public static String team(long teamId) {
        return "team:" + teamId;
    }
}
