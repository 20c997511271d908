package org.salesbench.importexport;

import java.io.IOException;
import java.util.List;

import org.eclipse.core.runtime.IProgressMonitor;

/**
 * What rows can be imported into, contributed through the extension point
 * {@code org.salesbench.importexport.targets}: customers, contacts, and (from their modules) leads,
 * opportunities, products. A target declares its fields and match keys and writes through its
 * module's service so that the module's validation and permission rules apply.
 */
public interface ImportTarget {

    /** The importable fields, in the order a form shows them. */
    List<TargetField> fields();

    /** The fields as they are now, e.g. with picklist values that are configured (grades); {@link #fields()} by default. */
    default List<TargetField> fields(ImportContext context) {
        return fields();
    }

    /** The fields rows may be matched on, e.g. credit code, e-mail, external id. */
    List<String> keyFields();

    /**
     * The form of a key value that equal records share (e.g. a folded company name, the digits of a
     * phone), used to find duplicates inside a file; {@code null} when the value is blank. By default the value's text
     * without surrounding blanks.
     */
    default String normaliseKey(String field, Object value) {
        return value == null || value.toString().isBlank() ? null : value.toString().strip();
    }

    /**
     * The field whose consecutive rows belong together and are written as one whole (e.g. the instalments of one
     * contract's payment plan): the engine does not cut a batch between two such rows with the same value of it (up to
     * ten batches' worth). {@code null} (the default): batches are cut by size alone.
     */
    default String groupField() {
        return null;
    }

    /** A writer for one import run. */
    TargetWriter open(ImportContext context);

    /**
     * Adds {@code value}, a value of a file that {@code field}'s picklist does not have, to the list its users edit
     * (e.g. a lead source), in the caller's transaction if there is one, and returns the value rows then store (its
     * code); {@code null} if the field's list is not one users edit (the value stays a row error). Called only when
     * the import is asked to ({@link ImportSettings#addValues}).
     */
    default String addPicklistValue(ImportContext context, String field, String value) {
        return null;
    }

    /**
     * The entity whose records this target reads and writes, as the security service names it (e.g. "customer"):
     * exporting needs the right to export it; {@code null} for data that is nobody's records.
     */
    default String entity() {
        return null;
    }

    /** Whether {@link #export} is supported. */
    default boolean canExport() {
        return false;
    }

    /** Whether {@link #parseFilter} reads filters (the lists people filter: customers, leads, opportunities). */
    default boolean canFilter() {
        return false;
    }

    /**
     * The filter {@link #export} takes, read from what a user types after {@code --filter}: {@code key=value} terms
     * separated by commas, alternatives by {@code |}; a term without {@code =} is search text, so it selects what the
     * list view's search box would ({@link org.salesbench.importexport.targets.FilterTerms} reads that form).
     *
     * @throws IllegalArgumentException naming the unknown key or value and what is allowed
     */
    default Object parseFilter(String text, ImportContext context) {
        throw new UnsupportedOperationException();
    }

    /**
     * Writes every record that {@code filter} selects (a target-specific filter, {@code null} for all)
     * with one column per field, in a form that imports back to the same data.
     */
    default void export(ImportContext context, Object filter, RecordWriter out, IProgressMonitor monitor) throws IOException {
        throw new UnsupportedOperationException();
    }
}
