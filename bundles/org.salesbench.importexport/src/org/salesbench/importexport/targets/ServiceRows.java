package org.salesbench.importexport.targets;

import java.util.Map;
import java.util.function.ToLongFunction;
import java.util.function.UnaryOperator;

import jakarta.persistence.EntityManager;

import org.salesbench.core.validation.ValidationException;
import org.salesbench.importexport.RowOutcome;

/** Rows written one by one through their module's service, so its validation and permission rules apply. */
public final class ServiceRows {

    private ServiceRows() {
    }

    /**
     * Creates {@code record}, or updates it when it is the {@code existing} one a match found, and remembers the
     * row's {@code externalId} (if any) for the next import; a refused row is failed and an edited existing record read back.
     */
    public static <T> RowOutcome save(EntityManager em, String externalId, T existing, T record, UnaryOperator<T> create, UnaryOperator<T> update,
            ToLongFunction<T> idOf, Map<String, Long> externalIds) {
        try {
            T saved = existing != null ? update.apply(record) : create.apply(record);
            em.flush();
            long id = idOf.applyAsLong(saved);
            if (externalId != null && !externalId.isBlank()) {
                externalIds.put(externalId.strip(), id);
            }
            return existing != null ? RowOutcome.updated(id) : RowOutcome.created(id);
        } catch (ValidationException e) {
            if (existing != null) {
                em.refresh(existing);
            }
            return RowOutcome.failed(e.getErrors());
        }
    }
}
