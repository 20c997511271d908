package org.salesbench.importexport.targets;

import java.math.BigDecimal;
import java.util.List;

import org.eclipse.osgi.util.NLS;
import org.salesbench.core.model.AbstractEntity;
import org.salesbench.core.validation.FieldError;
import org.salesbench.importexport.FieldType;
import org.salesbench.importexport.ImportRow;
import org.salesbench.importexport.RowOutcome;
import org.salesbench.importexport.TargetField;

/**
 * Optimistic locking for imports that update what they match ({@code --on-match update}): a target that exports each
 * record's version in its Version column refuses to update a record from a row whose version is not the stored one,
 * so a file exported, edited and imported back never overwrites what someone changed since the export. The row fails
 * naming the record and who changed it; a file without the column updates as before (each row reads and writes the
 * record in one transaction). The same version the record editors' saves check.
 */
public final class RecordVersions {

    /** The field's name in every target that has it. */
    public static final String FIELD = "version";

    private RecordVersions() {
    }

    /** The Version field, the same in every target. */
    public static TargetField field() {
        return TargetField.of(FIELD, TargetMessages.Field_version, FieldType.NUMBER, false, "Version", "Record Version", "版本", "版本号");
    }

    /** What a target exports in the Version column. */
    public static Object exported(AbstractEntity record) {
        return record.getVersion();
    }

    /**
     * The refusal of updating {@code existing} from {@code row}: {@code null} when the row carries no version or the stored one.
     *
     * @param name how people know the record (its name)
     */
    public static RowOutcome refusal(ImportRow row, AbstractEntity existing, String name) {
        if (!(row.get(FIELD) instanceof BigDecimal seen) || seen.compareTo(BigDecimal.valueOf(existing.getVersion())) == 0) {
            return null;
        }
        String message = existing.getUpdatedBy() == null ? NLS.bind(TargetMessages.Version_changed, name, existing.getVersion())
                : NLS.bind(TargetMessages.Version_changedBy, new Object[] { name, existing.getVersion(), existing.getUpdatedBy() });
        return RowOutcome.failed(List.of(new FieldError(FIELD, message, seen)));
    }
}
