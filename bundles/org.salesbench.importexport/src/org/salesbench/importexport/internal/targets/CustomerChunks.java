package org.salesbench.importexport.internal.targets;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.function.BiFunction;

import jakarta.persistence.EntityManager;

import org.eclipse.core.runtime.IProgressMonitor;
import org.salesbench.customers.CustomerFilter;
import org.salesbench.customers.CustomerService;
import org.salesbench.customers.CustomerSort;
import org.salesbench.importexport.ImportContext;
import org.salesbench.importexport.RecordWriter;
import org.salesbench.importexport.RecordWriter.Column;
import org.salesbench.importexport.TargetField;
import org.salesbench.importexport.internal.Messages;
import org.salesbench.importexport.targets.TargetMessages;

/**
 * Exports records that belong to customers (contacts, activities): the customers the list's filter selects, in
 * the list's order, a chunk of them a transaction, so memory stays bounded and cancel stops between chunks.
 */
final class CustomerChunks {

    private static final int CHUNK = 500;

    private CustomerChunks() {
    }

    /**
     * @param filter a {@link CustomerFilter}, or {@code null} for all customers
     * @param linesOf the lines of the records of a chunk of customer ids, read in one transaction
     */
    static void export(ImportContext context, Object filter, List<TargetField> fields, RecordWriter out, IProgressMonitor monitor,
            BiFunction<EntityManager, List<Long>, List<List<Object>>> linesOf) throws IOException {
        out.begin(fields.stream().map(f -> new Column(f.name(), f.label())).toList());
        long[] customerIds = context.service(CustomerService.class)
                .ids(filter instanceof CustomerFilter f ? f : CustomerFilter.ALL, CustomerSort.DEFAULT);
        monitor.beginTask(TargetMessages.Progress_export, customerIds.length);
        for (int from = 0; from < customerIds.length && !monitor.isCanceled(); from += CHUNK) {
            List<Long> chunk = Arrays.stream(Arrays.copyOfRange(customerIds, from, Math.min(customerIds.length, from + CHUNK))).boxed().toList();
            List<List<Object>> lines = context.unitOfWork().read(em -> linesOf.apply(em, chunk));
            for (List<Object> line : lines) {
                out.writeTyped(line);
            }
            monitor.worked(chunk.size());
        }
        monitor.done();
    }
}
