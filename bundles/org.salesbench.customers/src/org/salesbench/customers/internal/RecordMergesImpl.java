package org.salesbench.customers.internal;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.salesbench.customers.RecordMerge;
import org.salesbench.customers.RecordMerges;

/** The {@link RecordMerge} services of every module, by entity. */
@Component(service = RecordMerges.class)
public class RecordMergesImpl implements RecordMerges {

    private final Map<String, RecordMerge> merges = new ConcurrentHashMap<>();

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    public void addMerge(RecordMerge merge) {
        merges.put(merge.entity(), merge);
    }

    public void removeMerge(RecordMerge merge) {
        merges.remove(merge.entity(), merge);
    }

    /** For tests: the merges given. */
    public static RecordMergesImpl of(RecordMerge... given) {
        RecordMergesImpl all = new RecordMergesImpl();
        for (RecordMerge merge : given) {
            all.addMerge(merge);
        }
        return all;
    }

    @Override
    public Optional<RecordMerge> of(String entity) {
        return Optional.ofNullable(merges.get(entity));
    }

    @Override
    public List<String> entities() {
        return merges.keySet().stream().sorted().toList();
    }
}
