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

    /** The run's value mapping, e.g. the default a target may give a blank relation ({@link ValueMapping#defaultFor}). */
    default ValueMapping values() {
        return ValueMapping.NONE;
    }

    /**
     * Counts one occurrence of something the run did that the user should know of (a value mapped,
     * a default used, a placeholder record chosen); the summary lists each message with its count.
     */
    default void note(String message) {
        // a context outside an import run keeps no notes
    }

    /**
     * Whether the user asked that a row naming a record of {@code targetId} that does not exist creates it (a contact's
     * company that is no customer yet: {@code --create-missing customers}); otherwise such a row is an error.
     */
    default boolean createsMissing(String targetId) {
        return false;
    }

    /**
     * Whether the user asked that a value a list users edit does not have is added to it ({@code --add-values},
     * {@link ImportSettings#addValues}).
     */
    default boolean addsValues() {
        return false;
    }
}
