package org.salesbench.importexport.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.NullProgressMonitor;
import org.eclipse.osgi.util.NLS;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.salesbench.audit.AuditKind;
import org.salesbench.audit.AuditTrail;
import org.salesbench.core.io.AtomicFiles;
import org.salesbench.core.io.SpreadsheetText;
import org.salesbench.core.validation.FieldError;
import org.salesbench.importexport.ColumnMapping;
import org.salesbench.importexport.DataFormat;
import org.salesbench.importexport.FieldType;
import org.salesbench.importexport.FormatDescriptor;
import org.salesbench.importexport.ImportContext;
import org.salesbench.importexport.ImportException;
import org.salesbench.importexport.ImportPreview;
import org.salesbench.importexport.ImportResult;
import org.salesbench.importexport.ImportResult.Outcome;
import org.salesbench.importexport.ImportRow;
import org.salesbench.importexport.ImportService;
import org.salesbench.importexport.ImportSettings;
import org.salesbench.importexport.ImportSettings.Mode;
import org.salesbench.importexport.ImportTarget;
import org.salesbench.importexport.MatchPolicy;
import org.salesbench.importexport.MatchPolicy.OnMatch;
import org.salesbench.importexport.ReadOptions;
import org.salesbench.importexport.RecordReader;
import org.salesbench.importexport.RecordWriter;
import org.salesbench.importexport.RowError;
import org.salesbench.importexport.RowOutcome;
import org.salesbench.importexport.SourceRow;
import org.salesbench.importexport.TargetDescriptor;
import org.salesbench.importexport.TargetField;
import org.salesbench.importexport.TargetWriter;
import org.salesbench.importexport.ValueMapping;
import org.salesbench.importexport.targets.ExternalIds;
import org.salesbench.importexport.targets.TargetMessages;
import org.salesbench.importexport.WriteOptions;
import org.salesbench.core.security.Action;
import org.salesbench.core.security.FieldMask;
import org.salesbench.core.security.SecurityService;
import org.salesbench.persistence.ConcurrentChangeException;
import org.salesbench.persistence.Picklists;
import org.salesbench.persistence.UnitOfWork;
import org.salesbench.importexport.BulkWriter;
import org.salesbench.importexport.targets.ImportRun;

/**
 * The import engine: reads a file through its format, maps columns to fields, converts values,
 * finds duplicates inside the file, and hands batches to the target inside transactions of the unit
 * of work, in one transaction (all-or-nothing) or one per batch (valid rows). A large file goes to a target
 * that has a bulk load ({@link BulkWriter}) through it, with the same modes and outcomes.
 */
@Component(service = ImportService.class)
public class ImportEngine implements ImportService {

    private static final int PREVIEW_ROWS = 20;

    /**
     * Files of at least this many bytes (default 1 MB, some 7,000 customers) go through the target's bulk load
     * when it has one ({@link BulkWriter}); smaller ones are written in batches of SQL statements.
     */
    public static final String BULK_BYTES_PROPERTY = "salesbench.import.bulkBytes";

    private final UnitOfWork unitOfWork;
    private final Function<Class<?>, Object> services;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    private volatile AuditTrail audit;
    private final MappingStore mappings;
    /** {@link ExternalIds#retireDeclared} ran on this engine's database. */
    private volatile boolean externalIdsRetired;

    /** Thrown inside the all-or-nothing transaction to roll it back once the whole file was seen. */
    private static final class Rollback extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Rollback() {
            super(null, null, false, false);
        }
    }

    @Activate
    public ImportEngine(@Reference UnitOfWork unitOfWork, BundleContext context) {
        this(unitOfWork, type -> {
            ServiceReference<?> reference = context.getServiceReference(type);
            return reference == null ? null : context.getService(reference);
        });
    }

    private final java.util.concurrent.atomic.AtomicReference<Picklists> ownPicklists = new java.util.concurrent.atomic.AtomicReference<>();

    /** @param services finds the module services targets write through (e.g. the customer service) */
    public ImportEngine(UnitOfWork unitOfWork, Function<Class<?>, Object> services) {
        this.unitOfWork = unitOfWork;
        this.services = services;
        this.mappings = new MappingStore(unitOfWork);
    }

    private final ImportContext context = new ImportContext() {
        @Override
        public UnitOfWork unitOfWork() {
            return unitOfWork;
        }

        @Override
        public <S> S service(Class<S> type) {
            Object service = services.apply(type);
            if (service == null && type == Picklists.class && services.apply(SecurityService.class) instanceof SecurityService security) {
                // an engine given its services by hand (a tool, a test) reads and adds picklist values all the same
                service = ownPicklists.updateAndGet(p -> p != null ? p : Picklists.open(unitOfWork, security));
            }
            if (service == null) {
                throw new IllegalStateException(NLS.bind(Messages.Service_missing, type.getName()));
            }
            return type.cast(service);
        }
    };

    public ImportContext context() {
        return context;
    }

    @Override
    public List<FormatDescriptor> formats() {
        return FormatRegistry.descriptors();
    }

    @Override
    public List<TargetDescriptor> targets() {
        return TargetRegistry.descriptors();
    }

    @Override
    public Optional<FormatDescriptor> formatFor(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        int dot = name.lastIndexOf('.');
        String extension = dot < 0 ? "" : name.substring(dot + 1);
        return formats().stream().filter(f -> f.extensions().contains(extension)).findFirst();
    }

    @Override
    public TargetDescriptor target(String id) {
        return targets().stream().filter(t -> t.id().equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(NLS.bind(Messages.Target_unknown, id,
                        String.join(", ", targets().stream().map(TargetDescriptor::id).toList()))));
    }

    private ImportTarget targetOf(String id) throws ImportException {
        TargetDescriptor descriptor;
        try {
            descriptor = target(id);
        } catch (IllegalArgumentException e) {
            throw new ImportException(e.getMessage());
        }
        return descriptor.target().orElseThrow(() -> new ImportException(NLS.bind(Messages.Target_broken, id)));
    }

    private DataFormat formatOf(Path file) throws ImportException {
        FormatDescriptor descriptor = formatFor(file).orElseThrow(() -> new ImportException(NLS.bind(Messages.Format_unknown,
                file.getFileName(), String.join(", ", formats().stream().flatMap(f -> f.extensions().stream()).toList()))));
        return descriptor.format().orElseThrow(() -> new ImportException(NLS.bind(Messages.Format_broken, descriptor.id())));
    }

    @Override
    public ColumnMapping autoMap(List<String> header, String targetId) {
        ImportTarget target = target(targetId).target().orElseThrow();
        return autoMap(header, target.fields(context));
    }

    static ColumnMapping autoMap(List<String> header, List<TargetField> fields) {
        Map<String, String> fieldByKey = new HashMap<>();
        for (TargetField field : fields) { // names and labels before aliases, so an alias never hides a field
            fieldByKey.putIfAbsent(Values.headerKey(field.name()), field.name());
            fieldByKey.putIfAbsent(Values.headerKey(field.label()), field.name());
        }
        for (TargetField field : fields) {
            field.aliases().forEach(a -> fieldByKey.putIfAbsent(Values.headerKey(a), field.name()));
        }
        Map<String, String> mapping = new LinkedHashMap<>();
        Set<String> used = new HashSet<>();
        for (String column : header) {
            String field = fieldByKey.get(Values.headerKey(column));
            if (field != null && !mapping.containsKey(column) && used.add(field)) {
                mapping.put(column, field);
            }
        }
        return new ColumnMapping(mapping);
    }

    @Override
    public ImportPreview preview(Path file, ReadOptions options, String targetId) throws IOException {
        ImportTarget target = targetOf(targetId);
        List<TargetField> fields = target.fields(context);
        try (RecordReader reader = formatOf(file).open(file, options)) {
            ColumnMapping mapping = autoMap(reader.header(), fields);
            List<SourceRow> sample = new ArrayList<>();
            for (SourceRow row; sample.size() < PREVIEW_ROWS && (row = reader.next()) != null;) {
                sample.add(row);
            }
            List<String> unmapped = reader.header().stream().filter(h -> mapping.fieldOf(h) == null).toList();
            Map<String, Set<String>> unknown = new LinkedHashMap<>();
            for (int i = 0; i < reader.header().size(); i++) {
                TargetField field = field(fields, mapping.fieldOf(reader.header().get(i)));
                if (field == null || field.type() != FieldType.PICKLIST) {
                    continue;
                }
                for (SourceRow row : sample) {
                    try {
                        Values.convert(field, field.picklist(), row.value(i), ValueMapping.NONE);
                    } catch (Values.Refused e) {
                        unknown.computeIfAbsent(field.name(), k -> new LinkedHashSet<>()).add(row.value(i).strip());
                    }
                }
            }
            return new ImportPreview(reader.header(), mapping, sample, unmapped, unknown);
        }
    }

    /**
     * Refuses a match key on a field the user's roles hide (a contact's phones, a customer's credit code): which rows
     * match, skip or update would tell what the field holds of records the user may otherwise read.
     */
    private void checkKeysVisible(ImportTarget target, ImportSettings settings) throws ImportException {
        if (target.entity() == null || settings.match().keys().isEmpty() || settings.match().onMatch() == OnMatch.CREATE) {
            return;
        }
        SecurityService security = context.service(SecurityService.class);
        FieldMask mask = FieldMask.of(security, target.entity());
        for (String key : settings.match().keys()) {
            if (mask.hides(key)) {
                throw new ImportException(NLS.bind(Messages.Match_hiddenKey, new Object[] { key, settings.targetId(),
                        security.currentUser().login(), target.entity() }));
            }
        }
    }

    private static TargetField field(List<TargetField> fields, String name) {
        return name == null ? null : fields.stream().filter(f -> f.name().equals(name)).findFirst().orElse(null);
    }

    @Override
    public ImportResult run(Path file, ReadOptions options, ImportSettings settings, IProgressMonitor monitor) throws IOException {
        IProgressMonitor progress = monitor == null ? new NullProgressMonitor() : monitor;
        ImportTarget target = targetOf(settings.targetId());
        List<TargetField> fields = target.fields(context);
        for (String key : settings.match().keys()) {
            if (!target.keyFields().contains(key)) {
                throw new ImportException(NLS.bind(Messages.Match_unknownKey, new Object[] { key, settings.targetId(),
                        String.join(", ", target.keyFields()) }));
            }
        }
        checkKeysVisible(target, settings);
        if (!externalIdsRetired) {
            // once per engine (per database): the rows a module's changelog copied into its own external-id table
            unitOfWork.write(em -> {
                ExternalIds.retireDeclared(em);
                return null;
            });
            externalIdsRetired = true;
        }
        DataFormat format = formatOf(file);
        boolean large = Files.isRegularFile(file) && Files.size(file) >= Long.getLong(BULK_BYTES_PROPERTY, 1 << 20);
        try (RecordReader reader = format.open(file, options)) {
            Run run = new Run(target, fields, reader, settings, progress, large);
            run.file = file;
            if (settings.values().locale() == null && run.readsNumbersOrDates()) {
                // no declared locale: each number and date column is read by what all of its values show
                try (RecordReader firstPass = format.open(file, options)) {
                    run.detectConventions(firstPass);
                }
            }
            if (target.groupField() != null && settings.mode() == Mode.VALID_ROWS) {
                // a group's rows are written together or not at all: know where each group's rows are in the file
                try (RecordReader groupPass = format.open(file, options)) {
                    run.locateGroups(groupPass);
                }
            }
            ImportResult result = run.execute();
            if (result.created() + result.updated() > 0) {
                // one event for the file: a bulk load writes rows the audit trail does not see one by one
                recordAudit(settings.targetId(), AuditKind.IMPORTED, "target=" + settings.targetId() + "; file=" + file.getFileName()
                        + "; created=" + result.created() + "; updated=" + result.updated() + "; failed=" + result.failed());
            }
            return result;
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /** One import run: its mapping resolved against the file, its counters and errors. */
    private final class Run {
        private final ImportTarget target;
        private final List<TargetField> fields;
        private final RecordReader reader;
        private final Map<String, Integer> notes = new LinkedHashMap<>();
        /** The engine's context with this run's value mapping and notes. */
        private final ImportContext runContext = new ImportContext() {
            @Override
            public UnitOfWork unitOfWork() {
                return unitOfWork;
            }

            @Override
            public <S> S service(Class<S> type) {
                return context.service(type);
            }

            @Override
            public ValueMapping values() {
                return settings.values();
            }

            @Override
            public boolean addsValues() {
                return settings.addValues();
            }

            @Override
            public void note(String message) {
                notes.merge(message, 1, Integer::sum);
            }

            @Override
            public boolean createsMissing(String targetId) {
                return settings.createMissing().contains(targetId);
            }
        };
        private final ImportSettings settings;
        private final IProgressMonitor monitor;
        private final TargetField[] fieldOfColumn;
        private final Map<String, Integer> columnOfField = new HashMap<>();
        private final Map<String, List<Integer>> joinedColumns = new HashMap<>();
        private final Map<String, Long> firstRowByKey = new HashMap<>();
        private final List<RowError> errors = new ArrayList<>();
        private int created, updated, skipped, failed;
        private long rows, lastCommittedRow;
        private TargetWriter writer;
        private final boolean large;
        /** The file read, for the record of a bulk run that commits in chunks. */
        private Path file;
        /** Per column: how it writes numbers and dates (the declared locale's, or detected). */
        private final ColumnConvention[] conventionOfColumn;

        Run(ImportTarget target, List<TargetField> fields, RecordReader reader, ImportSettings settings, IProgressMonitor monitor,
                boolean large) throws ImportException {
            this.large = large;
            this.target = target;
            this.fields = fields;
            this.reader = reader;
            this.settings = settings;
            this.monitor = monitor;
            List<String> header = reader.header();
            fieldOfColumn = new TargetField[header.size()];
            conventionOfColumn = new ColumnConvention[header.size()];
            Arrays.fill(conventionOfColumn, settings.values().locale() == null ? ColumnConvention.UNDECIDED
                    : ColumnConvention.of(settings.values().locale()));
            for (int i = 0; i < header.size(); i++) {
                String name = settings.columns().fieldOf(header.get(i));
                if (name == null) {
                    continue;
                }
                TargetField field = field(fields, name);
                if (field == null) {
                    throw new ImportException(NLS.bind(Messages.Mapping_unknownField, new Object[] { header.get(i), name,
                            settings.targetId(), String.join(", ", fields.stream().map(TargetField::name).toList()) }));
                }
                Integer first = columnOfField.putIfAbsent(name, i);
                if (first != null) {
                    if (field.type() != FieldType.TEXT) {
                        throw new ImportException(NLS.bind(Messages.Mapping_twice, name, header.get(i)));
                    }
                    // several columns into one text field: kept as "column: value" lines, so nothing of the file is lost
                    joinedColumns.computeIfAbsent(name, k -> new ArrayList<>(List.of(first))).add(i);
                }
                fieldOfColumn[i] = field;
            }
            for (String name : settings.columns().fieldByHeader().values()) {
                if (field(fields, name) == null) {
                    throw new ImportException(NLS.bind(Messages.Mapping_unknownField, new Object[] { "", name, settings.targetId(),
                            String.join(", ", fields.stream().map(TargetField::name).toList()) }));
                }
            }
            for (TargetField field : fields) {
                if (field.required() && !columnOfField.containsKey(field.name()) && settings.match().onMatch() != OnMatch.UPDATE
                        && settings.values().defaultFor(field.name()) == null) {
                    throw new ImportException(NLS.bind(Messages.Mapping_requiredMissing, field.label(), field.name()));
                }
            }
        }

        /** Per value of the target's group field (valid-rows mode): the numbers of the file's rows with it. */
        private Map<String, Set<Long>> groupRows;

        /** Reads the group field of every row once, so a batch knows whether it holds all of a group's rows. */
        void locateGroups(RecordReader pass) throws IOException {
            Integer column = columnOfField.get(target.groupField());
            if (column == null) {
                return;
            }
            groupRows = new HashMap<>();
            for (SourceRow row; (row = pass.next()) != null && !monitor.isCanceled();) {
                String value = row.value(column);
                String key = value == null || SpreadsheetText.restore(value).isBlank() ? null : SpreadsheetText.restore(value).strip();
                if (key != null) {
                    groupRows.computeIfAbsent(key, k -> new LinkedHashSet<>()).add(row.number());
                }
            }
        }

        /**
         * The rows of {@code batch} held back because their group has rows that are not in the batch (refused when read,
         * or apart in the file beyond the batch): by index in the batch, each refused naming the group's rows.
         */
        private Map<Integer, RowOutcome> heldBack(List<ImportRow> batch) {
            if (groupRows == null) {
                return Map.of();
            }
            String group = target.groupField();
            Map<String, List<Integer>> byKey = new LinkedHashMap<>();
            for (int i = 0; i < batch.size(); i++) {
                String key = groupKey(batch.get(i), group);
                if (key != null) {
                    byKey.computeIfAbsent(key, k -> new ArrayList<>()).add(i);
                }
            }
            Map<Integer, RowOutcome> held = new HashMap<>();
            TargetField field = field(fields, group);
            for (Map.Entry<String, List<Integer>> e : byKey.entrySet()) {
                Set<Long> here = new LinkedHashSet<>();
                e.getValue().forEach(i -> here.add(batch.get(i).number()));
                List<Long> missing = groupRows.getOrDefault(e.getKey(), Set.of()).stream().filter(n -> !here.contains(n)).toList();
                if (missing.isEmpty()) {
                    continue;
                }
                FieldError error = new FieldError(group, NLS.bind(Messages.Group_heldTogether, new Object[] { field == null ? group : field.label(),
                        e.getKey(), numbers(missing), numbers(here) }), e.getKey());
                e.getValue().forEach(i -> held.put(i, RowOutcome.failed(List.of(error))));
            }
            return held;
        }

        private static String numbers(java.util.Collection<Long> rows) {
            return String.join(", ", rows.stream().map(String::valueOf).toList());
        }

        boolean readsNumbersOrDates() {
            return Arrays.stream(fieldOfColumn).anyMatch(f -> f != null && ColumnConvention.Detector.reads(f.type()));
        }

        /** Reads every value of the number and date columns once, so each column's convention rests on all of them. */
        void detectConventions(RecordReader firstPass) throws IOException {
            ColumnConvention.Detector[] detectors = new ColumnConvention.Detector[fieldOfColumn.length];
            for (int i = 0; i < fieldOfColumn.length; i++) {
                if (fieldOfColumn[i] != null && ColumnConvention.Detector.reads(fieldOfColumn[i].type())) {
                    detectors[i] = new ColumnConvention.Detector();
                }
            }
            for (SourceRow row; (row = firstPass.next()) != null && !monitor.isCanceled();) {
                for (int i = 0; i < detectors.length; i++) {
                    if (detectors[i] != null) {
                        detectors[i].observe(fieldOfColumn[i].type(), SpreadsheetText.restore(row.value(i)), row.number());
                    }
                }
            }
            for (int i = 0; i < detectors.length; i++) {
                if (detectors[i] != null) {
                    conventionOfColumn[i] = detectors[i].result();
                }
            }
        }

        ImportResult execute() throws IOException {
            monitor.beginTask(NLS.bind(Messages.Progress_task, reader.header().size()), IProgressMonitor.UNKNOWN);
            writer = target.open(runContext);
            try {
                if (large && writer instanceof BulkWriter bulk && bulk.bulkApplies(settings)) {
                    return executeBulk(bulk);
                }
                if (settings.mode() == Mode.ALL_OR_NOTHING) {
                    try {
                        unitOfWork.write(em -> {
                            boolean cancelled = readAll(this::writeInCurrentTransaction);
                            if (cancelled || failed > 0) {
                                throw new Rollback();
                            }
                            return null;
                        });
                        return result(Outcome.COMPLETED);
                    } catch (Rollback r) {
                        return result(monitor.isCanceled() ? Outcome.CANCELLED_ROLLED_BACK : Outcome.ROLLED_BACK);
                    }
                }
                boolean cancelled = readAll(this::writeInOwnTransaction);
                return result(cancelled ? Outcome.CANCELLED_AT_BATCH : Outcome.COMPLETED);
            } finally {
                monitor.done();
            }
        }

        /**
         * The bulk path: rows are validated, matched and staged outside the engine's transactions, and the new
         * ones loaded by the target (which may start while staging goes on) and committed at {@code load}.
         * All-or-nothing: a failed row or a cancel loads nothing; rows that update existing records are written
         * after the load in one transaction, and if that fails the load is undone, as it is after a cancel
         * pressed while the load ran. Valid rows: a cancel loads what was staged up to the last whole batch;
         * updates are written after the load too (the load holds the table), in a transaction per batch.
         */
        private ImportResult executeBulk(BulkWriter bulk) throws IOException {
            boolean allOrNothing = settings.mode() == Mode.ALL_OR_NOTHING;
            List<ImportRow> updates = new ArrayList<>();
            long[] stagedThrough = { 0 };
            ImportRun importRun = openRun(bulk);
            long resumeAfter = importRun == null ? 0 : importRun.resumedAfterRow();
            if (resumeAfter > 0) {
                notes.put(NLS.bind(Messages.Bulk_resumed, resumeAfter), (int) Math.min(Integer.MAX_VALUE, importRun.resumedRecords()));
            }
            try (BulkWriter.Staging staging = importRun == null ? bulk.stage(settings.match()) : bulk.stage(settings.match(), importRun)) {
                boolean cancelled = readAll((batch, lastRow) -> {
                    // rows an interrupted run of this file committed are read (in-file duplicates are still found) but not staged again
                    List<ImportRow> rest = resumeAfter == 0 ? batch : batch.stream().filter(r -> r.number() > resumeAfter).toList();
                    List<RowOutcome> outcomes = rest.isEmpty() ? List.of() : staging.stage(rest);
                    List<ImportRow> toUpdate = new ArrayList<>();
                    for (int i = 0; i < rest.size(); i++) {
                        if (outcomes.get(i) == null) {
                            toUpdate.add(rest.get(i));
                        } else {
                            count(List.of(rest.get(i)), List.of(outcomes.get(i)));
                        }
                    }
                    updates.addAll(toUpdate);
                    stagedThrough[0] = lastRow;
                });
                if (allOrNothing && (cancelled || failed > 0)) {
                    staging.undo(); // chunks committed while the file was read
                    endRun(importRun, resumeAfter);
                    return result(cancelled ? Outcome.CANCELLED_ROLLED_BACK : Outcome.ROLLED_BACK);
                }
                monitor.subTask(NLS.bind(Messages.Progress_loading, staging.staged()));
                try {
                    staging.load();
                } catch (ImportException e) {
                    endRun(importRun, resumeAfter);
                    throw e;
                }
                if (allOrNothing && monitor.isCanceled()) {
                    // Derby's load cannot stop midway; a cancel pressed during it undoes it once it is done
                    staging.undo();
                    endRun(importRun, resumeAfter);
                    return result(Outcome.CANCELLED_ROLLED_BACK);
                }
                if (!allOrNothing) {
                    for (int from = 0; from < updates.size(); from += settings.batchSize()) {
                        writeInOwnTransaction(updates.subList(from, Math.min(updates.size(), from + settings.batchSize())), 0);
                    }
                } else if (!updates.isEmpty()) {
                    try {
                        unitOfWork.write(em -> {
                            for (int from = 0; from < updates.size(); from += settings.batchSize()) {
                                writeInCurrentTransaction(updates.subList(from, Math.min(updates.size(), from + settings.batchSize())), 0);
                            }
                            if (failed > 0) {
                                throw new Rollback();
                            }
                            return null;
                        });
                    } catch (Rollback r) {
                        staging.undo();
                        endRun(importRun, resumeAfter);
                        return result(Outcome.ROLLED_BACK);
                    } catch (RuntimeException e) {
                        staging.undo();
                        endRun(importRun, resumeAfter);
                        throw e;
                    }
                }
                staging.announce();
                if (!allOrNothing) {
                    lastCommittedRow = stagedThrough[0];
                }
                if (!cancelled && importRun != null) {
                    importRun.finish(unitOfWork); // the whole file is in: the next run of it starts afresh
                }
                return result(cancelled ? Outcome.CANCELLED_AT_BATCH : Outcome.COMPLETED);
            }
        }

        /**
         * The record of a bulk run that commits in chunks (an interrupted run of the same file, resumed, or a new one), or
         * {@code null} when the writer loads in one transaction.
         */
        private ImportRun openRun(BulkWriter bulk) throws IOException {
            if (!bulk.commitsInChunks() || file == null) {
                return null;
            }
            String key = ImportRun.sourceKey(settings.targetId(), file, settings.match().toString());
            String login = context.service(SecurityService.class).currentUser().login();
            return ImportRun.open(unitOfWork, key, settings.targetId(), file.getFileName().toString(), login);
        }

        /**
         * A run that ended with nothing of its own: its record goes, unless it resumed an interrupted run whose chunks stay
         * (the record, moved back by the undo, still says how far they go).
         */
        private void endRun(ImportRun importRun, long resumeAfter) {
            if (importRun != null && resumeAfter == 0) {
                importRun.finish(unitOfWork);
            }
        }

        private ImportResult result(Outcome outcome) {
            List<ImportResult.Note> noteList = notes.entrySet().stream().map(e -> new ImportResult.Note(e.getKey(), e.getValue())).toList();
            return new ImportResult(outcome, created, updated, skipped, failed, errors, lastCommittedRow, noteList);
        }

        /** Reads every row, handing full batches to {@code sink}; {@code true} if cancelled. */
        private boolean readAll(BatchSink sink) {
            try {
                List<ImportRow> batch = new ArrayList<>(settings.batchSize());
                // consecutive rows of one group (target.groupField()) stay in one batch, up to ten batches' worth
                String group = target.groupField();
                for (SourceRow source; (source = reader.next()) != null;) {
                    rows++;
                    ImportRow row = convert(source);
                    if (row != null) {
                        if (group != null && batch.size() >= settings.batchSize() && batch.size() < settings.batchSize() * 10
                                && java.util.Objects.equals(groupKey(batch.get(batch.size() - 1), group), groupKey(row, group))) {
                            batch.add(row);
                            continue;
                        }
                        if (group != null && batch.size() >= settings.batchSize()) {
                            // the batch is full and this row starts another group: hand it over and start the next with the row
                            if (monitor.isCanceled()) {
                                return true;
                            }
                            sink.write(batch, batch.get(batch.size() - 1).number());
                            batch = new ArrayList<>(settings.batchSize());
                            monitor.worked(1);
                            monitor.subTask(NLS.bind(Messages.Progress_rows, rows));
                        }
                        batch.add(row);
                    }
                    if (group == null && batch.size() >= settings.batchSize()) {
                        if (monitor.isCanceled()) {
                            return true;
                        }
                        sink.write(batch, source.number());
                        batch = new ArrayList<>(settings.batchSize());
                        monitor.worked(1);
                        monitor.subTask(NLS.bind(Messages.Progress_rows, rows));
                    }
                }
                if (rows == 0) {
                    throw new UncheckedIOException(new ImportException(Messages.File_noRows));
                }
                if (monitor.isCanceled()) {
                    return true;
                }
                if (!batch.isEmpty()) {
                    sink.write(batch, batch.get(batch.size() - 1).number());
                }
                return false;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** A row's value of the group field, as text with blanks alike. */
        private static String groupKey(ImportRow row, String field) {
            String text = row.text(field);
            return text == null || text.isBlank() ? null : text.strip();
        }

        private interface BatchSink {
            void write(List<ImportRow> batch, long lastRow);
        }

        private void writeInCurrentTransaction(List<ImportRow> batch, long lastRow) {
            count(batch, writer.write(batch, settings.match()));
        }

        private void writeInOwnTransaction(List<ImportRow> all, long lastRow) {
            Map<Integer, RowOutcome> held = heldBack(all);
            List<ImportRow> batch = new ArrayList<>();
            for (int i = 0; i < all.size(); i++) {
                if (!held.containsKey(i)) {
                    batch.add(all.get(i));
                }
            }
            if (batch.isEmpty()) {
                count(all, new ArrayList<>(java.util.stream.IntStream.range(0, all.size()).mapToObj(held::get).toList()));
                lastCommittedRow = lastRow;
                return;
            }
            List<RowOutcome> outcomes;
            Map<String, Integer> notesBefore = new LinkedHashMap<>(notes);
            try {
                outcomes = unitOfWork.write(em -> writer.write(batch, settings.match()));
            } catch (RuntimeException e) {
                notes.clear(); // the rolled-back attempt's notes would count its rows twice
                notes.putAll(notesBefore);
                // the database refused something the validation let through: find the row, one at a time
                outcomes = new ArrayList<>();
                for (ImportRow row : batch) {
                    try {
                        outcomes.add(unitOfWork.write(em -> writer.write(List.of(row), settings.match())).get(0));
                    } catch (ConcurrentChangeException conflict) {
                        // someone saved the matched record between this row's read and write: it names the record and who
                        outcomes.add(RowOutcome.failed(List.of(new FieldError("", conflict.getMessage(), null))));
                    } catch (RuntimeException rowFailure) {
                        outcomes.add(RowOutcome.failed(List.of(new FieldError("", rootMessage(rowFailure), null))));
                    }
                }
            }
            if (!held.isEmpty()) {
                // the held rows' refusals in their places among the written rows' outcomes
                List<RowOutcome> merged = new ArrayList<>();
                java.util.Iterator<RowOutcome> written = outcomes.iterator();
                for (int i = 0; i < all.size(); i++) {
                    merged.add(held.containsKey(i) ? held.get(i) : written.next());
                }
                count(all, merged);
            } else {
                count(batch, outcomes);
            }
            lastCommittedRow = lastRow;
        }

        private void count(List<ImportRow> batch, List<RowOutcome> outcomes) {
            for (int i = 0; i < batch.size(); i++) {
                RowOutcome outcome = outcomes.get(i);
                switch (outcome.kind()) {
                case CREATED -> created++;
                case UPDATED -> updated++;
                case SKIPPED -> skipped++;
                case FAILED -> {
                    failed++;
                    for (FieldError e : outcome.errors()) {
                        addError(batch.get(i).number(), e.field(), e.value(), e.message());
                    }
                }
                }
            }
        }

        private void addError(long row, String field, Object value, String message) {
            Integer column = field == null ? null : columnOf(field);
            errors.add(new RowError(row, column == null ? "" : reader.header().get(column), value == null ? "" : Values.format(value),
                    message));
        }

        private Integer columnOf(String field) {
            Integer column = columnOfField.get(field);
            if (column == null && field.indexOf('.') > 0) {
                column = columnOfField.get(field.substring(field.lastIndexOf('.') + 1));
            }
            return column;
        }

        /** The row as field values, or {@code null} (counted and reported) when a value is refused or it duplicates an earlier row. */
        private ImportRow convert(SourceRow source) {
            List<String> header = reader.header();
            List<RowError> rowErrors = new ArrayList<>();
            for (int i = header.size(); i < source.values().size(); i++) {
                String extra = source.values().get(i);
                if (extra != null && !extra.isBlank()) {
                    rowErrors.add(new RowError(source.number(), "", extra, NLS.bind(Messages.Row_tooManyValues, source.values().size(),
                            header.size())));
                    break;
                }
            }
            Map<String, Object> values = new LinkedHashMap<>();
            for (int i = 0; i < fieldOfColumn.length; i++) {
                TargetField field = fieldOfColumn[i];
                if (field == null) {
                    continue;
                }
                String text = source.value(i);
                List<Integer> joined = joinedColumns.get(field.name());
                if (joined != null) {
                    if (joined.get(0) != i) {
                        continue;
                    }
                    text = joined(source, joined);
                }
                try {
                    Object value = Values.convert(field, field.picklist(), text, settings.values(), conventionOfColumn[i]);
                    if (value == null) {
                        value = defaultValue(field, Messages.Note_defaultUsed);
                    } else {
                        String mapped = settings.values().map(field.name(), text);
                        if (mapped == null && field.type() == FieldType.PICKLIST && !value.toString().equalsIgnoreCase(text.strip())) {
                            mapped = value.toString(); // another system's value the field declares (a vendor's standard stage)
                        }
                        if (mapped != null && !mapped.equals(text.strip())) {
                            runContext.note(NLS.bind(Messages.Note_valueMapped, new Object[] { header.get(i), text.strip(), mapped }));
                        }
                    }
                    values.put(field.name(), value);
                    if (value == null && field.required() && settings.match().onMatch() != OnMatch.UPDATE) {
                        rowErrors.add(new RowError(source.number(), header.get(i), "", NLS.bind(Messages.Value_required, field.label())));
                    }
                } catch (Values.Refused e) {
                    Object added = settings.addValues() ? addValue(i, field, header.get(i), text) : null;
                    Object otherwise = added != null ? added : otherwise(field, header.get(i), text);
                    if (otherwise != null) {
                        values.put(field.name(), otherwise);
                    } else {
                        rowErrors.add(new RowError(source.number(), header.get(i), text, e.getMessage()));
                    }
                }
            }
            for (TargetField field : fields) {
                if (!values.containsKey(field.name()) && settings.values().defaultFor(field.name()) != null) {
                    try {
                        values.put(field.name(), defaultValue(field, Messages.Note_defaultForAbsent));
                    } catch (Values.Refused e) {
                        rowErrors.add(new RowError(source.number(), "", settings.values().defaultFor(field.name()), e.getMessage()));
                    }
                }
            }
            if (rowErrors.isEmpty()) {
                String duplicate = duplicateOf(source.number(), values);
                if (duplicate != null) {
                    if (settings.match().onMatch() == OnMatch.SKIP) {
                        skipped++;
                        errors.add(new RowError(source.number(), "", "", duplicate));
                        return null;
                    }
                    rowErrors.add(new RowError(source.number(), "", "", duplicate));
                }
            }
            if (!rowErrors.isEmpty()) {
                failed++;
                errors.addAll(rowErrors);
                return null;
            }
            return new ImportRow(source.number(), values);
        }

        /** The non-empty cells of {@code columns} as "column: value" lines. */
        private String joined(SourceRow source, List<Integer> columns) {
            StringBuilder text = new StringBuilder();
            for (int column : columns) {
                String value = source.value(column);
                if (value != null && !value.isBlank()) {
                    text.append(text.isEmpty() ? "" : "\n").append(reader.header().get(column)).append(": ").append(value.strip());
                }
            }
            return text.toString();
        }

        /**
         * A picklist value the list does not have, added to it when the target's users edit the list (noted; the
         * column's field then has it for the rows after); {@code null} if the target does not add it.
         */
        private Object addValue(int column, TargetField field, String header, String text) {
            if (field.type() != FieldType.PICKLIST || text == null || text.isBlank()) {
                return null;
            }
            String stored = target.addPicklistValue(runContext, field.name(), text.strip());
            if (stored == null) {
                return null;
            }
            List<String> picklist = new ArrayList<>(field.picklist());
            picklist.add(stored);
            picklist.add(text.strip());
            for (int i = 0; i < fieldOfColumn.length; i++) {
                if (fieldOfColumn[i] == field) {
                    fieldOfColumn[i] = field.withPicklist(picklist);
                }
            }
            runContext.note(NLS.bind(Messages.Note_valueAdded, new Object[] { header, text.strip(), stored }));
            return stored;
        }

        /**
         * What a picklist value that is not in the list becomes when the value mapping says ({@code field:*=value}),
         * noted with the value read; {@code null} if it does not say (or says a value that is not in the list either).
         */
        private Object otherwise(TargetField field, String column, String text) {
            String otherwise = field.type() == FieldType.PICKLIST ? settings.values().otherwise(field.name()) : null;
            if (otherwise == null || otherwise.isBlank()) {
                return null;
            }
            try {
                Object value = Values.convert(field, field.picklist(), otherwise, ValueMapping.NONE);
                runContext.note(NLS.bind(Messages.Note_otherValue, new Object[] { column, text.strip(), value }));
                return value;
            } catch (Values.Refused notInTheListEither) {
                return null;
            }
        }

        /** The field's default from the value mapping ({@code field:=value}), noted; {@code null} if it has none. */
        private Object defaultValue(TargetField field, String note) throws Values.Refused {
            String fallback = settings.values().defaultFor(field.name());
            if (fallback == null || fallback.isBlank()) {
                return null;
            }
            Object value = Values.convert(field, field.picklist(), fallback, ValueMapping.NONE);
            runContext.note(NLS.bind(note, field.name(), fallback));
            return value;
        }

        /** A message naming the earlier row with the same key value, or {@code null}. */
        private String duplicateOf(long number, Map<String, Object> values) {
            MatchPolicy match = settings.match();
            if (match.onMatch() == OnMatch.CREATE) {
                return null;
            }
            for (String key : match.keys()) {
                String normalised = target.normaliseKey(key, values.get(key));
                if (normalised == null) {
                    continue;
                }
                Long first = firstRowByKey.putIfAbsent(key + '\u0000' + normalised, number);
                if (first != null) {
                    Integer column = columnOfField.get(key);
                    return NLS.bind(Messages.Row_duplicateInFile, new Object[] { first, column == null ? key : reader.header().get(column),
                            Values.format(values.get(key)) });
                }
            }
            return null;
        }
    }

    static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }

    @Override
    public Object parseFilter(String targetId, String text) {
        ImportTarget target = target(targetId).target()
                .orElseThrow(() -> new IllegalArgumentException(NLS.bind(Messages.Target_broken, targetId)));
        if (!target.canFilter()) {
            throw new IllegalArgumentException(NLS.bind(TargetMessages.Filter_unsupported, targetId, String.join(", ", targets().stream()
                    .filter(t -> t.target().map(ImportTarget::canFilter).orElse(false)).map(TargetDescriptor::id).toList())));
        }
        return target.parseFilter(text, context);
    }

    @Override
    public int export(String targetId, Object filter, Path file, WriteOptions options, IProgressMonitor monitor) throws IOException {
        ImportTarget target = targetOf(targetId);
        if (!target.canExport()) {
            throw new ImportException(NLS.bind(Messages.Export_unsupported, targetId));
        }
        if (target.entity() != null) {
            context.service(SecurityService.class).check(Action.EXPORT, target.entity(), null);
        }
        DataFormat format = formatOf(file);
        IProgressMonitor progress = monitor == null ? new NullProgressMonitor() : monitor;
        int[] count = { 0 };
        FieldMask mask = target.entity() == null ? FieldMask.NONE : FieldMask.of(context.service(SecurityService.class), target.entity());
        // the columns the user's roles hide are left out of the file: one mask for the whole export, no look-up per row
        // written beside the file and moved over it when complete: a failure midway leaves the previous file, or none
        AtomicFiles.write(file, out -> {
            try (RecordWriter writer = format.create(out, options)) {
                export(target, filter, writer, mask, count, progress);
            }
            if (progress.isCanceled()) {
                throw new ImportException(NLS.bind(Messages.Export_cancelled, file.getFileName()));
            }
        });
        recordAudit(targetId, AuditKind.EXPORTED, "target=" + targetId + "; file=" + file.getFileName() + "; rows=" + count[0]
                + "; filter=" + (filter == null ? "" : filter) + (mask.isEmpty() ? "" : "; withheld=" + String.join(",", mask.hidden())));
        return count[0];
    }

    /** The target's records to the writer, without the columns the mask hides, counted. */
    private void export(ImportTarget target, Object filter, RecordWriter writer, FieldMask mask, int[] count, IProgressMonitor progress)
            throws IOException {
        target.export(context, filter, new RecordWriter() {
            private boolean[] keep;

            @Override
            public void begin(List<Column> columns) throws IOException {
                keep = new boolean[columns.size()];
                List<Column> shown = new ArrayList<>();
                for (int i = 0; i < columns.size(); i++) {
                    keep[i] = !mask.hides(columns.get(i).name());
                    if (keep[i]) {
                        shown.add(columns.get(i));
                    }
                }
                writer.begin(shown);
            }

            private <V> List<V> shown(List<V> values) {
                if (mask.isEmpty()) {
                    return values;
                }
                List<V> shown = new ArrayList<>(values.size());
                for (int i = 0; i < values.size(); i++) {
                    if (i >= keep.length || keep[i]) {
                        shown.add(values.get(i));
                    }
                }
                return shown;
            }

            @Override
            public void write(List<String> values) throws IOException {
                writer.write(shown(values));
                count[0]++;
            }

            @Override
            public void writeTyped(List<?> values) throws IOException {
                writer.writeTyped(shown(values));
                count[0]++;
            }

            @Override
            public void close() {
                // the engine closes the file
            }
        }, progress);
    }

    @Override
    public List<TargetField> withheldFields(String targetId) throws ImportException {
        ImportTarget target = targetOf(targetId);
        if (target.entity() == null) {
            return List.of();
        }
        FieldMask mask = FieldMask.of(context.service(SecurityService.class), target.entity());
        return target.fields(context).stream().filter(f -> mask.hides(f.name())).toList();
    }

    /** Records an import or export in the audit trail, when the trail is installed; the entity is the target's id. */
    private void recordAudit(String targetId, AuditKind kind, String details) {
        AuditTrail trail = audit;
        if (trail != null) {
            trail.record(targetId, null, kind, details);
        }
    }

    @Override
    public void saveMapping(String targetId, String name, ColumnMapping columns, ValueMapping values) {
        mappings.save(targetId, name, columns, values);
    }

    @Override
    public Optional<SavedMapping> loadMapping(String targetId, String name) {
        return mappings.load(targetId, name);
    }

    @Override
    public List<String> mappingNames(String targetId) {
        return mappings.names(targetId);
    }

    @Override
    public void deleteMapping(String targetId, String name) {
        mappings.delete(targetId, name);
    }
}
