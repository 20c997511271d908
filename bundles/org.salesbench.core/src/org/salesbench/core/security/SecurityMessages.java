package org.salesbench.core.security;


import org.eclipse.osgi.util.NLS;

/** The messages of refused access, shared by every module. */
public final class SecurityMessages extends NLS {

    private static final String BUNDLE_NAME = "org.salesbench.core.security.messages";

    public static String Security_denied;
    public static String Security_deniedOwned;
    public static String Security_ownRequest;
    public static String Security_readShareOnly;
    public static String Security_handOver;
    public static String Security_fieldReadOnly;
    public static String Security_fieldHidden;
    public static String Security_fieldHiddenFilter;
    public static String Action_read;
    public static String Action_create;
    public static String Action_update;
    public static String Action_delete;
    public static String Action_export;
    public static String Action_approve;

    static {
        NLS.initializeMessages(BUNDLE_NAME, SecurityMessages.class);
    }

    private SecurityMessages() {
    }

    /** "alice may not delete customer owned by bob", in the user's language. */
    public static String denied(String login, Action action, String entity, String owner) {
        return owner == null ? NLS.bind(Security_denied, new Object[] {login, verb(action), entity})
                : NLS.bind(Security_deniedOwned, new Object[] {login, verb(action), entity, owner});
    }

    /** "bob may not change this customer: it belongs to alice and is shared with bob to read only." */
    public static String readShareOnly(String login, String entity, String owner) {
        return NLS.bind(Security_readShareOnly, new Object[] {login, entity, owner});
    }

    /** The message when a user whose share lets them change a record tries to give it to another owner. */
    public static String handOver(String login, String entity, String newOwner, String owner) {
        return NLS.bind(Security_handOver, new Object[] {login, entity, newOwner, owner});
    }

    public static String ownRequest(String login, String entity) {
        return NLS.bind(Security_ownRequest, login, entity);
    }

    /** The message when a user changes a field their roles let them only read or not see at all. */
    public static String fieldReadOnly(String login, String entity, String field) {
        return NLS.bind(Security_fieldReadOnly, new Object[] {login, entity, field});
    }

    /** The message when a list, an export or a report would be filtered or grouped by a field the user's roles hide. */
    public static String fieldHiddenFilter(String login, String entity, String field) {
        return NLS.bind(Security_fieldHiddenFilter, new Object[] {login, entity, field});
    }

    /** The message when a report or another total would be computed from a field the user's roles hide. */
    public static String fieldHiddenFrom(String login, String entity, String field, String what) {
        return NLS.bind(Security_fieldHidden, new Object[] {login, entity, field, what});
    }

    private static String verb(Action action) {
        return switch (action) {
            case READ -> Action_read;
            case CREATE -> Action_create;
            case UPDATE -> Action_update;
            case DELETE -> Action_delete;
            case EXPORT -> Action_export;
            case APPROVE -> Action_approve;
        };
    }
}
