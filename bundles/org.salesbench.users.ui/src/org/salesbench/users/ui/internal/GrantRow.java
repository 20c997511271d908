package org.salesbench.users.ui.internal;

import org.eclipse.osgi.util.NLS;
import org.salesbench.users.Role;

/**
 * A line of the roles table: one grant of a role ({@code null} for a role without grants); the role's name and
 * description are on its first line only, so each role reads as a block.
 */
record GrantRow(Role role, Role.Grant grant, boolean first) {

    String roleLabel() {
        return first ? Labels.role(role.name()) : ""; //$NON-NLS-1$
    }

    /** The role's field rules on its first line, e.g. "opportunity.amount: Hidden". */
    String fieldRulesLabel() {
        if (!first) {
            return ""; //$NON-NLS-1$
        }
        return String.join(", ", role.fields().stream() //$NON-NLS-1$
                .map(f -> NLS.bind("{0}.{1}: {2}", new Object[] {f.entity(), f.field(), RoleDialog.accessLabel(f.access())})).toList()); //$NON-NLS-1$
    }

    String descriptionLabel() {
        if (!first) {
            return ""; //$NON-NLS-1$
        }
        String description = role.description() == null ? "" : role.description(); //$NON-NLS-1$
        return role.builtIn() ? NLS.bind("{0} ({1})", description, Messages.Users_builtIn).strip() : description; //$NON-NLS-1$
    }
}
