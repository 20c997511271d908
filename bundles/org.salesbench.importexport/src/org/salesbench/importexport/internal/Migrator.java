package org.salesbench.importexport.internal;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.stream.Stream;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.eclipse.core.runtime.IConfigurationElement;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.NullProgressMonitor;
import org.eclipse.core.runtime.SubMonitor;
import org.eclipse.osgi.util.NLS;
import org.salesbench.core.registry.ExtensionRegistryReader;
import org.salesbench.importexport.ColumnMapping;
import org.salesbench.importexport.ImportException;
import org.salesbench.importexport.ImportResult;
import org.salesbench.importexport.ImportService;
import org.salesbench.importexport.ImportSettings;
import org.salesbench.importexport.ImportSettings.Mode;
import org.salesbench.importexport.MatchPolicy;
import org.salesbench.importexport.MatchPolicy.OnMatch;
import org.salesbench.importexport.ReadOptions;
import org.salesbench.importexport.RecordReader;
import org.salesbench.importexport.SourceRow;
import org.salesbench.importexport.ValueMapping;

/**
 * Migrates another CRM's whole data export folder: the files modules declare through
 * {@code org.salesbench.importexport.migrations}, in their order, each through its import target in valid-rows mode,
 * matched on the target's key (external ids: the vendor's record ids) so that a second run skips every row. Before a
 * file is imported its declared columns are computed (a user ID rewritten to the e-mail it names, first and last
 * name joined) into a copy in a temporary folder; the vendor's files are never changed. Names no vendor or module.
 */
public final class Migrator {

    public static final String EXTENSION_POINT = "org.salesbench.importexport.migrations";
    /** The external id of the one customer {@link Orphans#PLACEHOLDER} places rows without an account on. */
    public static final String PLACEHOLDER_ID = "salesbench:no-account";
    /** The prefix of the external ids of the customers {@link Orphans#PER_CONTACT} makes. */
    public static final String PER_ROW_PREFIX = "salesbench:orphan:";

    /** What becomes of a row whose account column is blank (a contact without an account). */
    public enum Orphans {
        PLACEHOLDER, PER_CONTACT, SKIP
    }

    /** A computed column (see the schema). */
    public record Column(String name, List<String> from, String lookup, String key, List<String> value, boolean keep, boolean person) {
    }

    /** One declared file of a vendor's export. */
    public record FileSpec(String vendor, String name, String target, int order, List<String> match, String map, String values,
            String orphans, String orphanId, List<String> orphanName, String orphanTarget, List<Column> columns) {
    }

    /**
     * What one file did.
     *
     * @param orphans how many rows had no account, handled as {@code orphanHandling} says ({@code null} if the file has none)
     */
    public record FileResult(FileSpec spec, Path file, ImportResult result, int orphans, Orphans orphanHandling) {
    }

    private static final ExtensionRegistryReader<FileSpec> READER = new ExtensionRegistryReader<>(EXTENSION_POINT, "file",
            Migrator::spec, Comparator.comparingInt(FileSpec::order).thenComparing(FileSpec::name));

    private final ImportService service;
    private final boolean addValues;
    private final BiFunction<FileSpec, Path, IProgressMonitor> fileProgress;

    public Migrator(ImportService service) {
        this(service, false, null);
    }

    private Migrator(ImportService service, boolean addValues, BiFunction<FileSpec, Path, IProgressMonitor> fileProgress) {
        this.service = service;
        this.addValues = addValues;
        this.fileProgress = fileProgress;
    }

    /** A migrator that adds the values a list users edit does not have (a lead source), or reports them as row errors. */
    public Migrator addingValues(boolean add) {
        return new Migrator(service, add, fileProgress);
    }

    /**
     * A migrator whose file imports report to the monitor {@code progress} gives for the file (its spec, and the copy
     * imported, whose rows are the file's) instead of to a part of the run's monitor: the command line's line per file.
     * That monitor must report the run's cancel.
     */
    public Migrator withFileProgress(BiFunction<FileSpec, Path, IProgressMonitor> progress) {
        return new Migrator(service, addValues, progress);
    }

    private static FileSpec spec(IConfigurationElement e) {
        List<Column> columns = new ArrayList<>();
        for (IConfigurationElement c : e.getChildren("column")) {
            columns.add(new Column(ExtensionRegistryReader.requiredAttribute(c, "name"), words(c.getAttribute("from")), c.getAttribute("lookup"),
                    c.getAttribute("key"), words(c.getAttribute("value")), !"false".equals(c.getAttribute("keep")),
                    "true".equals(c.getAttribute("person"))));
        }
        String match = e.getAttribute("match");
        return new FileSpec(ExtensionRegistryReader.requiredAttribute(e, "vendor").toLowerCase(Locale.ROOT),
                ExtensionRegistryReader.requiredAttribute(e, "name"), ExtensionRegistryReader.requiredAttribute(e, "target"),
                ExtensionRegistryReader.intAttribute(e, "order", 1000),
                match == null ? List.of("externalId") : List.of(match.split("\\s*,\\s*")), e.getAttribute("map"), e.getAttribute("values"),
                e.getAttribute("orphans"), e.getAttribute("orphanId") == null ? e.getAttribute("orphans") : e.getAttribute("orphanId"),
                words(e.getAttribute("orphanName")), e.getAttribute("orphanTarget"), columns);
    }

    private static List<String> words(String text) {
        // comma-separated: column names have spaces in them (Zoho's "First Name,Last Name")
        return text == null || text.isBlank() ? List.of() : List.of(text.strip().split("\\s*,\\s*"));
    }

    /** The vendors some module declares files of, sorted. */
    public static List<String> vendors() {
        return READER.descriptors().stream().map(FileSpec::vendor).distinct().sorted().toList();
    }

    /** The declared files of {@code vendor}, in import order. */
    public static List<FileSpec> files(String vendor) {
        String v = vendor.toLowerCase(Locale.ROOT);
        return READER.descriptors().stream().filter(f -> f.vendor().equals(v)).toList();
    }

    /** The file of the folder a spec names (ignoring case), if the folder has it. */
    public static Optional<Path> find(Path folder, String name) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(p -> p.getFileName().toString().equalsIgnoreCase(name) && Files.isRegularFile(p)).findFirst();
        }
    }

    /** The data rows of a vendor's file, counted as the import reads them (a row's line breaks inside quotes are one row). */
    public static long rows(Path file) throws IOException {
        try (RecordReader reader = new CsvFormat().open(file, ReadOptions.DETECT)) {
            long rows = 0;
            while (reader.next() != null) {
                rows++;
            }
            return rows;
        }
    }

    /** The folder's CSV files no declared file of the vendor reads (reported as left out). */
    public static List<String> leftOut(String vendor, Path folder) throws IOException {
        Set<String> declared = new LinkedHashSet<>();
        files(vendor).forEach(f -> declared.add(f.name().toLowerCase(Locale.ROOT)));
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.toLowerCase(Locale.ROOT).endsWith(".csv"))
                    .filter(n -> !declared.contains(n.toLowerCase(Locale.ROOT))).sorted().toList();
        }
    }

    /**
     * Imports every declared file of {@code vendor} that {@code folder} holds, in order; {@code each} hears of each file
     * as it is done.
     *
     * @throws ImportException when the vendor is unknown or a declared file cannot be read; the files before it are imported
     */
    public List<FileResult> run(String vendor, Path folder, Orphans orphans, java.util.function.Consumer<FileResult> each,
            IProgressMonitor monitor) throws IOException {
        List<FileSpec> specs = files(vendor);
        if (specs.isEmpty()) {
            throw new ImportException(NLS.bind(Messages.Migrate_unknownVendor, vendor, String.join(", ", vendors())));
        }
        if (!Files.isDirectory(folder)) {
            throw new ImportException(NLS.bind(Messages.Migrate_noFolder, folder));
        }
        SubMonitor progress = SubMonitor.convert(monitor == null ? new NullProgressMonitor() : monitor, specs.size());
        Path work = Files.createTempDirectory("salesbench-migrate");
        Map<String, Table> lookups = new HashMap<>();
        List<FileResult> results = new ArrayList<>();
        try {
            for (FileSpec spec : specs) {
                if (progress.isCanceled()) {
                    break;
                }
                Optional<Path> file = find(folder, spec.name());
                if (file.isEmpty()) {
                    progress.worked(1);
                    continue;
                }
                progress.subTask(spec.name());
                FileResult result = migrate(spec, file.get(), folder, work, orphans, lookups, progress.split(1));
                results.add(result);
                if (each != null) {
                    each.accept(result);
                }
            }
        } finally {
            deleteTree(work);
        }
        return results;
    }

    private FileResult migrate(FileSpec spec, Path file, Path folder, Path work, Orphans orphans, Map<String, Table> lookups,
            IProgressMonitor monitor) throws IOException {
        Table table = Table.read(file);
        for (Column column : spec.columns()) {
            Table lookup = null;
            if (column.lookup() != null) {
                lookup = lookups.get(column.lookup().toLowerCase(Locale.ROOT));
                if (lookup == null) {
                    Optional<Path> other = find(folder, column.lookup());
                    lookup = other.isPresent() ? Table.read(other.get()) : Table.EMPTY;
                    lookups.put(column.lookup().toLowerCase(Locale.ROOT), lookup);
                }
            }
            table.compute(column, lookup);
        }
        int orphanCount = 0;
        List<List<String>> orphanCustomers = new ArrayList<>();
        if (spec.orphans() != null) {
            int account = table.column(spec.orphans(), true);
            int accountId = table.column(spec.orphanId(), true);
            int id = table.column(idColumn(table, spec), false);
            Set<String> made = new LinkedHashSet<>();
            for (var it = table.rows.iterator(); it.hasNext();) {
                List<String> row = it.next();
                if (!Table.blank(row.get(account))) {
                    continue;
                }
                orphanCount++;
                switch (orphans) {
                case SKIP -> it.remove();
                case PLACEHOLDER -> {
                    row.set(accountId, PLACEHOLDER_ID);
                    if (made.add(PLACEHOLDER_ID)) {
                        orphanCustomers.add(List.of(Messages.Migrate_placeholderName, PLACEHOLDER_ID));
                    }
                }
                case PER_CONTACT -> {
                    String key = PER_ROW_PREFIX + (id < 0 ? String.valueOf(orphanCount) : row.get(id));
                    row.set(accountId, key);
                    String name = table.joined(row, spec.orphanName(), true);
                    if (made.add(key)) {
                        orphanCustomers.add(List.of(name.isBlank() ? key : name, key));
                    }
                }
                }
            }
            if (!orphanCustomers.isEmpty() && spec.orphanTarget() != null) {
                Path customers = work.resolve("orphans-" + file.getFileName());
                new Table(List.of("Name", "External ID"), orphanCustomers).write(customers);
                importFile(customers, spec.orphanTarget(), List.of("externalId"), null, null, new NullProgressMonitor());
            }
        }
        Path copy = work.resolve(file.getFileName());
        table.write(copy);
        IProgressMonitor fileMonitor = fileProgress == null ? monitor : fileProgress.apply(spec, copy);
        ImportResult result = importFile(copy, spec.target(), spec.match(), spec.map(), spec.values(), fileMonitor);
        return new FileResult(spec, file, result, orphanCount, spec.orphans() == null ? null : orphans);
    }

    /** The column the target's external id comes from, as the automatic mapping finds it. */
    private String idColumn(Table table, FileSpec spec) {
        ColumnMapping mapping = service.autoMap(table.header, spec.target());
        return mapping.fieldByHeader().entrySet().stream().filter(e -> "externalId".equals(e.getValue())).map(Map.Entry::getKey).findFirst()
                .orElse(null);
    }

    private ImportResult importFile(Path file, String target, List<String> match, String map, String values, IProgressMonitor monitor)
            throws IOException {
        ColumnMapping columns = service.preview(file, ReadOptions.DETECT, target).mapping();
        Set<String> overridden = new LinkedHashSet<>();
        for (String pair : list(map)) {
            overridden.add(pair.substring(0, pair.lastIndexOf('=')).strip());
        }
        for (String pair : list(map)) {
            int equals = pair.lastIndexOf('=');
            String column = pair.substring(0, equals).strip();
            String field = pair.substring(equals + 1).strip();
            if (!field.isEmpty()) { // the field from the columns the automatic mapping gave it, not from other overrides (text joins them)
                for (Map.Entry<String, String> e : columns.fieldByHeader().entrySet()) {
                    if (field.equals(e.getValue()) && !overridden.contains(e.getKey())) {
                        columns = columns.with(e.getKey(), null);
                    }
                }
            }
            columns = columns.with(column, field.isEmpty() ? null : field);
        }
        ImportSettings settings = new ImportSettings(target, columns).withValues(values(values)).withMode(Mode.VALID_ROWS)
                .withMatch(new MatchPolicy(match, OnMatch.SKIP)).withAddValues(addValues);
        return service.run(file, ReadOptions.DETECT, settings, monitor);
    }

    /** {@code field:from=to,from=to,field:=default}, as the import command's {@code --values}. */
    static ValueMapping values(String text) {
        ValueMapping values = ValueMapping.NONE;
        String field = null;
        for (String item : list(text)) {
            int equals = item.indexOf('=');
            int colon = item.indexOf(':');
            if (colon > equals) {
                colon = -1;
            }
            if (colon > 0) {
                field = item.substring(0, colon).strip();
            }
            if (equals < 0 || field == null) {
                throw new IllegalArgumentException(item);
            }
            values = values.with(field, item.substring(colon + 1, equals).strip(), item.substring(equals + 1).strip());
        }
        return values;
    }

    private static List<String> list(String text) {
        return text == null || text.isBlank() ? List.of() : List.of(text.split("\\s*,\\s*"));
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temporary folder left behind is the system's to clean
        }
    }

    /** A vendor file's text, read with the CSV format the import reads it with. */
    static final class Table {
        static final Table EMPTY = new Table(List.of(), List.of());

        final List<String> header;
        final List<List<String>> rows;
        private final Map<String, Map<String, List<String>>> indexes = new HashMap<>();

        Table(List<String> header, List<List<String>> rows) {
            this.header = new ArrayList<>(header);
            this.rows = new ArrayList<>(rows);
        }

        static Table read(Path file) throws IOException {
            try (RecordReader reader = new CsvFormat().open(file, ReadOptions.DETECT)) {
                List<List<String>> rows = new ArrayList<>();
                for (SourceRow row; (row = reader.next()) != null;) {
                    List<String> values = new ArrayList<>(row.values());
                    while (values.size() < reader.header().size()) {
                        values.add("");
                    }
                    rows.add(values);
                }
                return new Table(reader.header(), rows);
            }
        }

        static boolean blank(String s) {
            return s == null || s.isBlank();
        }

        /** The index of a column (ignoring case); {@code create} adds a missing one, else -1. */
        int column(String name, boolean create) {
            if (name == null) {
                return -1;
            }
            for (int i = 0; i < header.size(); i++) {
                if (header.get(i).equalsIgnoreCase(name)) {
                    return i;
                }
            }
            if (!create) {
                return -1;
            }
            header.add(name);
            rows.forEach(r -> r.add(""));
            return header.size() - 1;
        }

        /**
         * The non-blank values of {@code columns}, joined by a space; {@code person}: the columns are a given and a
         * family name, joined as {@link PersonNames#full} does (a Chinese name family name first, no space).
         */
        String joined(List<String> row, List<String> columns, boolean person) {
            if (person && columns.size() == 2) {
                return PersonNames.full(value(row, columns.get(0)), value(row, columns.get(1)));
            }
            StringBuilder text = new StringBuilder();
            for (String c : columns) {
                int i = column(c, false);
                String v = i < 0 || i >= row.size() ? null : row.get(i);
                if (!blank(v)) {
                    text.append(text.isEmpty() ? "" : " ").append(v.strip());
                }
            }
            return text.toString();
        }

        private String value(List<String> row, String column) {
            int i = column(column, false);
            return i < 0 || i >= row.size() ? null : row.get(i);
        }

        /** The row whose {@code key} column holds {@code value}, or {@code null}. */
        List<String> find(String key, String value) {
            Map<String, List<String>> index = indexes.computeIfAbsent(key.toLowerCase(Locale.ROOT), k -> {
                Map<String, List<String>> byKey = new HashMap<>();
                int i = column(key, false);
                if (i >= 0) {
                    rows.forEach(r -> byKey.putIfAbsent(r.get(i).strip(), r));
                }
                return byKey;
            });
            return index.get(value.strip());
        }

        void compute(Column column, Table lookup) {
            if (column.from().stream().allMatch(f -> column(f, false) < 0)) {
                return; // the export has none of the columns it is made from
            }
            int target = column(column.name(), true);
            boolean rewrites = column.from().size() == 1 && column.from().get(0).equalsIgnoreCase(column.name());
            for (List<String> row : rows) {
                if (!rewrites && !blank(row.get(target))) {
                    continue;
                }
                String source = joined(row, column.from(), column.person() && lookup == null);
                String value = source;
                if (lookup != null && !source.isEmpty()) {
                    List<String> found = lookup.find(column.key(), source);
                    value = found != null ? lookup.joined(found, column.value(), column.person()) : column.keep() ? source : "";
                }
                if (!value.isEmpty() || rewrites) {
                    row.set(target, value);
                }
            }
        }

        void write(Path file) throws IOException {
            try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
                    CSVPrinter printer = new CSVPrinter(out, CSVFormat.RFC4180)) {
                printer.printRecord(header);
                for (List<String> row : rows) {
                    printer.printRecord(row);
                }
            }
        }
    }
}
