package org.salesbench.core.recyclebin;

import java.util.List;
import java.util.stream.Collectors;

import org.eclipse.osgi.util.NLS;
import org.salesbench.core.validation.FieldError;
import org.salesbench.core.validation.ValidationException;

/** A purge refused because other records still depend on the record; nothing was deleted. */
public class PurgeRefusedException extends ValidationException {

    private static final long serialVersionUID = 1L;

    private final transient List<Dependent> blockers;

    public PurgeRefusedException(DeletedRecord record, List<Dependent> blockers) {
        super(List.of(new FieldError("id", NLS.bind(Messages.Purge_refused, record.name(),
                blockers.stream().map(d -> d.count() + " " + d.label()).collect(Collectors.joining(", "))), record.id())));
        this.blockers = List.copyOf(blockers);
    }

    /** What depends on the record, with counts. */
    public List<Dependent> blockers() {
        return blockers;
    }
}
