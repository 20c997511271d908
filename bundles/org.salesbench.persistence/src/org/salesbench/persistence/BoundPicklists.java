package org.salesbench.persistence;

import org.salesbench.core.security.SecurityService;

/**
 * The picklist service a module's service component reads: the workbench's or the CLI's while DS binds it (one cache
 * for every reader, forgotten at once when any of them edits a list), else one of its own on the component's database
 * (a bare setup: a test or a tool that makes the services by hand). The component binds {@link Picklists} optionally
 * and dynamically and hands it to {@link #bind}/{@link #unbind}.
 */
public final class BoundPicklists {

    private final UnitOfWork unitOfWork;
    private final SecurityService security;
    private volatile Picklists bound;
    private volatile Picklists own;

    public BoundPicklists(UnitOfWork unitOfWork, SecurityService security) {
        this.unitOfWork = unitOfWork;
        this.security = security;
    }

    public void bind(Picklists picklists) {
        bound = picklists;
    }

    public void unbind(Picklists picklists) {
        if (bound == picklists) {
            bound = null;
        }
    }

    public Picklists get() {
        Picklists p = bound;
        if (p != null) {
            return p;
        }
        p = own;
        if (p == null) {
            p = Picklists.open(unitOfWork, security);
            own = p;
        }
        return p;
    }

    /** The lead source's code for what the caller wrote (a code or either label), else the text as written: see {@link Picklists#resolveOrKeep}. */
    public String leadSource(String text) {
        return get().resolveOrKeep(Picklists.LEAD_SOURCE, text);
    }

    /** The code of {@code list}'s value for what the caller wrote (a code or either label), else the text as written: see {@link Picklists#resolveOrKeep}. */
    public String code(String list, String text) {
        return get().resolveOrKeep(list, text);
    }
}
