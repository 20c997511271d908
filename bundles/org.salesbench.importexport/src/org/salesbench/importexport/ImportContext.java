package org.salesbench.importexport;

import org.salesbench.persistence.UnitOfWork;

/** What a target works with: the unit of work the import runs in and the module services it writes through. */
public interface ImportContext {

    UnitOfWork unitOfWork();

    /**
     * The service of the given type.
     *
     * @throws IllegalStateException if it is not available
     */
    <S> S service(Class<S> type);
}
