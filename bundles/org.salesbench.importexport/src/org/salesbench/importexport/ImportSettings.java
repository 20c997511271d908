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
 */
public record ImportSettings(String targetId, ColumnMapping columns, ValueMapping values, MatchPolicy match, Mode mode, int batchSize,
        java.util.Set<String> createMissing) {

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

    public ImportSettings(String targetId, ColumnMapping columns, ValueMapping values, MatchPolicy match, Mode mode, int batchSize) {
        this(targetId, columns, values, match, mode, batchSize, java.util.Set.of());
    }

    public ImportSettings withCreateMissing(java.util.Set<String> targetIds) {
        return new ImportSettings(targetId, columns, values, match, mode, batchSize, targetIds);
    }

    public ImportSettings(String targetId, ColumnMapping columns) {
        this(targetId, columns, ValueMapping.NONE, MatchPolicy.NONE, Mode.ALL_OR_NOTHING, DEFAULT_BATCH);
    }

    public ImportSettings withMode(Mode newMode) {
        return new ImportSettings(targetId, columns, values, match, newMode, batchSize, createMissing);
    }

    public ImportSettings withMatch(MatchPolicy newMatch) {
        return new ImportSettings(targetId, columns, values, newMatch, mode, batchSize, createMissing);
    }

    public ImportSettings withValues(ValueMapping newValues) {
        return new ImportSettings(targetId, columns, newValues, match, mode, batchSize, createMissing);
    }

    public ImportSettings withBatchSize(int newBatchSize) {
        return new ImportSettings(targetId, columns, values, match, mode, newBatchSize, createMissing);
    }
}
