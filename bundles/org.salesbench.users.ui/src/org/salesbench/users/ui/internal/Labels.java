package org.salesbench.users.ui.internal;

import java.util.Map;

import org.eclipse.osgi.util.NLS;
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

    /** The entities that roles name, by their {@code ENTITY} constants; others show as they are stored. */
    private static final Map<String, String> ENTITIES = Map.ofEntries(Map.entry(Role.EVERY_ENTITY, Messages.Users_everyEntity),
            Map.entry("customer", Messages.Entity_customer), Map.entry("contact", Messages.Entity_contact), //$NON-NLS-1$ //$NON-NLS-2$
            Map.entry("activity", Messages.Entity_activity), Map.entry("lead", Messages.Entity_lead), //$NON-NLS-1$ //$NON-NLS-2$
            Map.entry("opportunity", Messages.Entity_opportunity), Map.entry("quote", Messages.Entity_quote), //$NON-NLS-1$ //$NON-NLS-2$
            Map.entry("product", Messages.Entity_product), Map.entry("pipeline", Messages.Entity_pipeline), //$NON-NLS-1$ //$NON-NLS-2$
            Map.entry("dashboard", Messages.Entity_dashboard), Map.entry("report", Messages.Entity_report), //$NON-NLS-1$ //$NON-NLS-2$
            Map.entry("user", Messages.Entity_user), Map.entry("team", Messages.Entity_team), //$NON-NLS-1$ //$NON-NLS-2$
            Map.entry("role", Messages.Entity_role), //$NON-NLS-1$
            Map.entry("approval", Messages.Entity_approval), //$NON-NLS-1$
            Map.entry("contract", Messages.Entity_contract), //$NON-NLS-1$
            Map.entry("contract_template", Messages.Entity_contract_template), //$NON-NLS-1$
            Map.entry("target", Messages.Entity_target), //$NON-NLS-1$
            Map.entry("commission", Messages.Entity_commission), //$NON-NLS-1$
            Map.entry("scorecard", Messages.Entity_scorecard), //$NON-NLS-1$
            Map.entry("rule", Messages.Entity_rule), //$NON-NLS-1$
            Map.entry("task", Messages.Entity_task)); //$NON-NLS-1$

    /** The built-in roles by name; an administrator's own roles show their name. */
    private static final Map<String, String> ROLES = Map.of(Role.ADMINISTRATOR, Messages.Role_administrator,
            Role.SALES_MANAGER, Messages.Role_sales_manager, Role.SALES_REP, Messages.Role_sales_rep, Role.FINANCE, Messages.Role_finance);

    static String entity(String entity) {
        return ENTITIES.getOrDefault(entity, entity);
    }

    /** A role as people read it: "Sales rep (sales_rep)" for a built-in one, its name for the others. */
    static String role(String name) {
        String label = ROLES.get(name);
        return label == null ? name : NLS.bind(Messages.Role_label, label, name);
    }
}
