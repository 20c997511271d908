package org.salesbench.users;

import java.util.List;

import org.salesbench.core.security.Action;
import org.salesbench.core.security.FieldAccess;
import org.salesbench.core.security.Scope;

/**
 * A role: what its holders may do with whose records, and with which fields. Built-in roles ship with Salesbench
 * (administrator, sales_manager, sales_rep, finance); administrators add their own.
 *
 * @param grants per entity ({@value #EVERY_ENTITY} for every entity the role names no grant for) and action, a scope
 * @param fields per entity and field, what holders may do with it (fields not named: {@link FieldAccess#EDIT})
 */
public record Role(String name, String description, boolean builtIn, List<Grant> grants, List<FieldRule> fields) {

    public static final String EVERY_ENTITY = "*";
    public static final String ADMINISTRATOR = "administrator";
    public static final String SALES_MANAGER = "sales_manager";
    public static final String SALES_REP = "sales_rep";
    public static final String FINANCE = "finance";

    public Role {
        grants = List.copyOf(grants);
        fields = List.copyOf(fields);
    }

    public record Grant(String entity, Action action, Scope scope) {
    }

    public record FieldRule(String entity, String field, FieldAccess access) {
    }
}
