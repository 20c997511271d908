package org.salesbench.opportunities.assignment;

/**
 * "Leads and opportunities whose region (or industry) is {@code value} go to {@code assignee}".
 * Several rules with the same value share the work: the least loaded of their assignees wins.
 *
 * @param type     what the rule matches
 * @param value    the region or industry, compared ignoring case and surrounding blanks
 * @param assignee the login of the user who gets them
 */
public record AssignmentRule(Type type, String value, String assignee) {

    public enum Type {
        REGION, INDUSTRY
    }

    /** Whether this rule covers {@code candidate} (a region or industry). */
    public boolean matches(String candidate) {
        return candidate != null && value != null && value.trim().equalsIgnoreCase(candidate.trim());
    }
}
