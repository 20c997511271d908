package org.salesbench.opportunities.internal;

import org.salesbench.core.security.SecurityService;
import org.salesbench.persistence.Picklists;
import org.salesbench.persistence.UnitOfWork;

/**
 * The picklist service a component of this bundle reads: the workbench's or the CLI's while DS binds it (one cache for
 * every reader, forgotten at once when any of them edits a list), else one of its own on the component's database (a
 * bare setup: a test or a tool that makes the services by hand).
 */
final class BoundPicklists {

    private final UnitOfWork unitOfWork;
    private final SecurityService security;
    private volatile Picklists bound;
    private volatile Picklists own;

    BoundPicklists(UnitOfWork unitOfWork, SecurityService security) {
        this.unitOfWork = unitOfWork;
        this.security = security;
    }

    void bind(Picklists picklists) {
        bound = picklists;
    }

    void unbind(Picklists picklists) {
        if (bound == picklists) {
            bound = null;
        }
    }

    Picklists get() {
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
    String leadSource(String text) {
        return get().resolveOrKeep(Picklists.LEAD_SOURCE, text);
    }
}
