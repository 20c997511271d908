package org.salesbench.importexport;

import java.util.List;

/**
 * What a file looks like before it is imported: its header, the automatic mapping, the first rows,
 * the columns no field was found for, and the picklist values that have no mapping yet.
 *
 * @param unknownValues per field, the file values (from the sample rows) that are not picklist values
 */
public record ImportPreview(List<String> header, ColumnMapping mapping, List<SourceRow> sample, List<String> unmappedColumns,
        java.util.Map<String, java.util.Set<String>> unknownValues) {
}
