package org.salesbench.persistence;

/**
 * A save lost an optimistic-lock race: someone else changed or deleted the record since it was
 * read. Nothing was written; the user should reload and apply their change again.
 */
public class ConcurrentChangeException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient Object entity;

    public ConcurrentChangeException(Object entity, Throwable cause) {
        super((entity == null ? "The record" : entity.toString())
                + " was changed by someone else since it was opened; nothing was saved", cause);
        this.entity = entity;
    }

    /** The stale record, if known. */
    public Object getEntity() {
        return entity;
    }
}
