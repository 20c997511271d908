package org.salesbench.importexport.targets;

import java.io.IOException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.ToLongFunction;

import jakarta.persistence.EntityManager;

import org.eclipse.core.runtime.IProgressMonitor;
import org.salesbench.importexport.ImportContext;
import org.salesbench.importexport.RecordWriter;
import org.salesbench.importexport.RecordWriter.Column;
import org.salesbench.importexport.TargetField;
import org.salesbench.importexport.internal.Values;

/**
 * Exports the records of a list of ids (a list's filter and order, read as ids first): a chunk of them a
 * transaction, so memory stays bounded on a large table and cancel stops between chunks. The
 * same shape as {@link CustomerChunks}, for records that are not per customer.
 */
public final class RecordChunks {

    public static final int CHUNK = 500;

    private RecordChunks() {
    }

    /**
     * @param ids       the records in the order the file lists them
     * @param recordsOf the records of a chunk of ids, in any order: they are put back in the order of {@code ids}
     * @param idOf      a record's id
     * @param valuesOf  the field values (in the order of {@code fields}) of the chunk's records, in the same transaction
     */
    public static <R> void export(ImportContext context, long[] ids, List<TargetField> fields, RecordWriter out, IProgressMonitor monitor,
            BiFunction<EntityManager, List<Long>, List<R>> recordsOf, ToLongFunction<R> idOf,
            BiFunction<EntityManager, List<R>, List<List<Object>>> valuesOf) throws IOException {
        out.begin(fields.stream().map(f -> new Column(f.name(), f.label())).toList());
        monitor.beginTask(TargetMessages.Progress_export, ids.length);
        for (int from = 0; from < ids.length && !monitor.isCanceled(); from += CHUNK) {
            List<Long> chunk = Arrays.stream(Arrays.copyOfRange(ids, from, Math.min(ids.length, from + CHUNK))).boxed().toList();
            List<List<Object>> lines = context.unitOfWork().read(em -> {
                List<R> records = new java.util.ArrayList<>(recordsOf.apply(em, chunk));
                Map<Long, Integer> order = new HashMap<>();
                for (int i = 0; i < chunk.size(); i++) {
                    order.put(chunk.get(i), i);
                }
                records.sort((a, b) -> Integer.compare(order.get(idOf.applyAsLong(a)), order.get(idOf.applyAsLong(b))));
                return valuesOf.apply(em, records);
            });
            for (List<Object> line : lines) {
                out.writeTyped(line.stream().map(Values::typed).toList());
            }
            monitor.worked(chunk.size());
        }
        monitor.done();
    }

    /**
     * A value for an export: numbers and days stay typed, so a spreadsheet sums and sorts them (text formats write
     * them plainly); everything else in the form the import reads back.
     */
    public static Object typed(Object value) {
        return Values.typed(value);
    }

    /**
     * {@code money}'s amount as a person writes it, with cents and no more zeros ({@code 880000.00}, {@code 0.125}: the
     * database keeps four decimals), or {@code null}.
     */
    public static Object amount(org.salesbench.core.model.Money money) {
        if (money == null) {
            return null;
        }
        java.math.BigDecimal amount = money.getAmount().stripTrailingZeros();
        return amount.scale() < 2 ? amount.setScale(2) : amount;
    }

    /** The currency of {@code money}, or {@code null}: a blank currency imports as the default, so only a priced value names one. */
    public static Object currency(org.salesbench.core.model.Money money) {
        return money == null ? null : money.getCurrency();
    }
}
