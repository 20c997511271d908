package org.salesbench.customers;

import java.util.List;
import java.util.Optional;

/** Every kind of record that can be merged ({@link RecordMerge} services), by entity name: what {@code cli merge} uses. */
public interface RecordMerges {

    /** The merge of {@code entity} ({@code customer}, {@code contact}, {@code lead}), if a module provides one. */
    Optional<RecordMerge> of(String entity);

    /** The entities that can be merged, sorted. */
    List<String> entities();
}
