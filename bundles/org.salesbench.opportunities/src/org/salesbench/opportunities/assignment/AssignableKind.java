package org.salesbench.opportunities.assignment;

/** What can be assigned to an owner. */
public enum AssignableKind {
    LEAD("lead"),
    OPPORTUNITY("opportunity");

    private final String entity;

    AssignableKind(String entity) {
        this.entity = entity;
    }

    /** The entity name the security seam and the assignment log use. */
    public String entity() {
        return entity;
    }

    public static AssignableKind ofEntity(String entity) {
        for (AssignableKind kind : values()) {
            if (kind.entity.equals(entity)) {
                return kind;
            }
        }
        throw new IllegalArgumentException("Not an assignable entity: " + entity);
    }
}
