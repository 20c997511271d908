package org.salesbench.importexport;

/**
 * One import run's choices.
 *
 * @param targetId  the target's id, e.g. {@code customers}
 * @param columns   the column mapping (see {@link ImportService#autoMap})
 * @param values    picklist value mapping
 * @param match     how rows are matched with existing records
 * @param mode      all-or-nothing or valid rows
 * @param batchSize rows written per transaction in {@link Mode#VALID_ROWS} (and per flush otherwise)
 * @param createMissing the targets whose records a row may create when it names one that does not exist (e.g.
 *                  {@code customers}: a contact's company that is no customer yet), see {@link ImportContext#createsMissing}
 * @param addValues whether a value a picklist does not have is added to it, where the target lets its users edit the list
 *                  ({@link ImportTarget#addPicklistValue}; e.g. a lead source), noted; otherwise it is a row error
 */
public record ImportSettings(String targetId, ColumnMapping columns, ValueMapping values, MatchPolicy match, Mode mode, int batchSize,
        java.util.Set<String> createMissing, boolean addValues) {

    public enum Mode {
        /** one transaction: any failed row, or a cancel, leaves the database as it was */
        ALL_OR_NOTHING,
        /** each batch commits its valid rows; failed rows are reported; a cancel stops at a batch boundary */
        VALID_ROWS
    }

    public static final int DEFAULT_BATCH = 1000;

    public ImportSettings {
        if (values == null) {
            values = ValueMapping.NONE;
        }
        if (match == null) {
            match = MatchPolicy.NONE;
        }
        if (mode == null) {
            mode = Mode.ALL_OR_NOTHING;
        }
        if (batchSize <= 0) {
            batchSize = DEFAULT_BATCH;
        }
        createMissing = createMissing == null ? java.util.Set.of() : java.util.Set.copyOf(createMissing);
    }

    public ImportSettings(String targetId, ColumnMapping columns, ValueMapping values, MatchPolicy match, Mode mode, int batchSize,
            java.util.Set<String> createMissing) {
        this(targetId, columns, values, match, mode, batchSize, createMissing, false);
    }

    public ImportSettings(String targetId, ColumnMapping columns, ValueMapping values, MatchPolicy match, Mode mode, int batchSize) {
        this(targetId, columns, values, match, mode, batchSize, java.util.Set.of());
    }

    public ImportSettings withCreateMissing(java.util.Set<String> targetIds) {
        return new ImportSettings(targetId, columns, values, match, mode, batchSize, targetIds, addValues);
    }

    /** The same settings, adding unknown picklist values to the lists users may edit (or not). */
    public ImportSettings withAddValues(boolean add) {
        return new ImportSettings(targetId, columns, values, match, mode, batchSize, createMissing, add);
    }

    public ImportSettings(String targetId, ColumnMapping columns) {
        this(targetId, columns, ValueMapping.NONE, MatchPolicy.NONE, Mode.ALL_OR_NOTHING, DEFAULT_BATCH);
    }

    public ImportSettings withMode(Mode newMode) {
        return new ImportSettings(targetId, columns, values, match, newMode, batchSize, createMissing, addValues);
    }

    public ImportSettings withMatch(MatchPolicy newMatch) {
        return new ImportSettings(targetId, columns, values, newMatch, mode, batchSize, createMissing, addValues);
    }

    public ImportSettings withValues(ValueMapping newValues) {
        return new ImportSettings(targetId, columns, newValues, match, mode, batchSize, createMissing, addValues);
    }

    public ImportSettings withBatchSize(int newBatchSize) {
        return new ImportSettings(targetId, columns, values, match, mode, newBatchSize, createMissing, addValues);
    }
}
