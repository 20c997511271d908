package org.salesbench.importexport.internal.cli;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.eclipse.core.runtime.NullProgressMonitor;
import org.eclipse.osgi.util.NLS;
import org.salesbench.cli.Arguments;
import org.salesbench.cli.CliCommand;
import org.salesbench.cli.CommandContext;
import org.salesbench.cli.CommandException;
import org.salesbench.cli.Interrupts;
import org.salesbench.importexport.ColumnMapping;
import org.salesbench.importexport.ImportPreview;
import org.salesbench.importexport.ImportResult;
import org.salesbench.importexport.ImportService;
import org.salesbench.importexport.ImportService.SavedMapping;
import org.salesbench.importexport.ImportSettings;
import org.salesbench.importexport.ImportSettings.Mode;
import org.salesbench.importexport.MatchPolicy;
import org.salesbench.importexport.MatchPolicy.OnMatch;
import org.salesbench.importexport.ReadOptions;
import org.salesbench.importexport.RowError;
import org.salesbench.importexport.TargetField;
import org.salesbench.importexport.ValueMapping;

/**
 * {@code import <entity> <file>}: the import engine with the automatic mapping, a saved or file
 * mapping, and the overrides of {@code --map} and {@code --values}. Every argument is checked
 * before the database is opened; exit 1 when valid-rows mode left some rows out, 3 when all-or-nothing
 * refused the file.
 */
public class ImportCommand implements CliCommand {

    private static final int ERRORS_SHOWN = 20;
    private static final Set<String> VALUE_OPTIONS = Set.of("mapping", "save-mapping", "mode", "match", "on-match", "map", "values",
            "summary", "errors", "encoding", "sheet", "locale", "create-missing");

    @Override
    public String help() {
        StringBuilder text = new StringBuilder(CliMessages.Import_help);
        text.append(System.lineSeparator()).append(CliMessages.Import_fieldsHeading).append(System.lineSeparator());
        for (ImportTargets.Target target : ImportTargets.all()) {
            text.append(NLS.bind(CliMessages.Import_targetLine, target.id(), target.label())).append(System.lineSeparator());
            for (TargetField f : target.fields()) {
                StringBuilder line = new StringBuilder(String.format("    %-22s %s", f.name(), f.label()));
                if (f.required()) {
                    line.append(' ').append(CliMessages.Import_required);
                }
                if (!f.picklist().isEmpty()) {
                    line.append(' ').append(NLS.bind(CliMessages.Import_picklist, String.join("|", f.picklist())));
                }
                text.append(line).append(System.lineSeparator());
            }
            text.append(NLS.bind(CliMessages.Import_keys, String.join(", ", target.keyFields()))).append(System.lineSeparator());
        }
        return text.toString();
    }

    @Override
    public int run(List<String> raw, CommandContext context) throws CommandException {
        Arguments args = Arguments.parse(raw, VALUE_OPTIONS, Set.of("add-values", "progress"));
        List<String> positional = args.expect(CliMessages.Arg_entity, CliMessages.Arg_file);
        ImportTargets.Target target = ImportTargets.find(positional.get(0)).orElseThrow(
                () -> CommandException.usage(NLS.bind(CliMessages.Import_unknownEntity, positional.get(0), ImportTargets.ids())));
        Path file = existingFile(positional.get(1));
        Mode mode = "valid-rows".equals(args.choice("mode", "all-or-nothing", "all-or-nothing", "valid-rows")) ? Mode.VALID_ROWS
                : Mode.ALL_OR_NOTHING;
        boolean json = args.choice("summary", "text", "json", "text").equals("json");
        OnMatch onMatch = OnMatch.valueOf(args.choice("on-match", "skip", "skip", "update", "create").toUpperCase(Locale.ROOT));
        MatchPolicy match = MatchPolicy.NONE;
        if (args.option("match") != null) {
            List<String> keys = splitList(args.option("match"));
            for (String key : keys) {
                if (!target.keyFields().contains(key)) {
                    throw CommandException.usage(NLS.bind(CliMessages.Import_unknownKey, new Object[] { key, target.id(),
                            String.join(", ", target.keyFields()) }));
                }
            }
            match = new MatchPolicy(keys, onMatch);
        } else if (args.option("on-match") != null) {
            throw CommandException.usage(CliMessages.Import_onMatchWithoutMatch);
        }
        Map<String, String> columnOverrides = parseMap(args.option("map"), target);
        ValueMapping valueOverrides = parseValues(args.option("values"), target);
        Locale fileLocale = locale(args.option("locale"));
        ReadOptions read = new ReadOptions(charset(args.option("encoding")), null, args.option("sheet"));
        Path mappingFile = null;
        String mappingName = args.option("mapping");
        if (mappingName != null && Files.isRegularFile(Path.of(mappingName))) {
            mappingFile = Path.of(mappingName);
        }
        Map<String, String> fileMapping = mappingFile == null ? null : readMappingFile(mappingFile, target);
        Path errorReport = args.option("errors") == null ? null : Path.of(args.option("errors"));

        ImportService service = context.service(ImportService.class);
        ImportPreview preview;
        try {
            preview = service.preview(file, read, target.id());
        } catch (IOException e) {
            throw CommandException.data(e.getMessage(), e);
        }
        ColumnMapping columns = preview.mapping();
        ValueMapping values = ValueMapping.NONE;
        if (fileMapping != null) {
            columns = new ColumnMapping(fileMapping);
        } else if (mappingName != null) {
            Optional<SavedMapping> saved = service.loadMapping(target.id(), mappingName);
            if (saved.isEmpty()) {
                List<String> names = service.mappingNames(target.id());
                throw CommandException.usage(NLS.bind(CliMessages.Import_noMapping, new Object[] { mappingName, target.id(),
                        names.isEmpty() ? "-" : String.join(", ", names) }));
            }
            columns = saved.get().columns();
            values = saved.get().values();
        }
        for (Map.Entry<String, String> e : columnOverrides.entrySet()) {
            if (!preview.header().contains(e.getKey())) {
                throw CommandException.usage(NLS.bind(CliMessages.Import_unknownColumn, e.getKey(), String.join(", ", preview.header())));
            }
            if (e.getValue() != null) { // the override takes the field from other columns, but not from other overrides (text fields join them)
                for (Map.Entry<String, String> m : columns.fieldByHeader().entrySet()) {
                    if (e.getValue().equals(m.getValue()) && !m.getKey().equals(e.getKey()) && !columnOverrides.containsKey(m.getKey())) {
                        columns = columns.with(m.getKey(), null);
                    }
                }
            }
            columns = columns.with(e.getKey(), e.getValue());
        }
        for (Map.Entry<String, Map<String, String>> field : valueOverrides.byField().entrySet()) {
            for (Map.Entry<String, String> v : field.getValue().entrySet()) {
                values = values.with(field.getKey(), v.getKey(), v.getValue());
            }
        }
        if (fileLocale != null) {
            values = values.withLocale(fileLocale);
        }
        if (args.option("save-mapping") != null) {
            service.saveMapping(target.id(), args.option("save-mapping"), columns, values);
        }

        ImportSettings settings = new ImportSettings(target.id(), columns, values, match, mode, ImportSettings.DEFAULT_BATCH,
                createMissing(args.option("create-missing"))).withAddValues(args.flag("add-values"));
        ImportResult result;
        // rows, rows/s and time left on standard error, when someone watches it (or --progress asks)
        TerminalProgress progress = args.flag("progress") || TerminalProgress.stderrIsTerminal()
                ? new TerminalProgress(context.err(), System::nanoTime, settings.batchSize(), TerminalProgress.textRows(file)) : null;
        NullProgressMonitor monitor = progress == null ? new NullProgressMonitor() : progress;
        // Ctrl+C cancels as Cancel on the wizard's progress does (all-or-nothing: nothing written; valid rows: the batches
        // before it kept), and the summary below says so; a second Ctrl+C stops at once
        try (Interrupts interrupts = Interrupts.cancelling(monitor, context.err())) {
            result = service.run(file, read, settings, monitor);
            if (progress != null) {
                progress.finish(result.created() + result.updated() + result.skipped() + result.failed());
            }
        } catch (IOException e) {
            throw CommandException.data(e.getMessage(), e);
        }
        if (errorReport != null && !result.errors().isEmpty()) {
            try {
                result.writeErrorReport(errorReport);
            } catch (IOException e) {
                throw CommandException.data(NLS.bind(CliMessages.Import_errorReportFailed, errorReport, e.getMessage()), e);
            }
        }
        printErrors(result, errorReport, context);
        String summary = NLS.bind(CliMessages.Import_summary, new Object[] { result.created(), result.updated(), result.skipped(),
                result.failed() });
        if (json) {
            StringBuilder notes = new StringBuilder();
            for (ImportResult.Note note : result.notes()) {
                notes.append(notes.isEmpty() ? "" : ",").append("{\"note\":").append(jsonString(note.message())).append(",\"count\":")
                        .append(note.count()).append('}');
            }
            String cancelled = !result.cancelled() ? "" : ",\"cancelled\":true,\"lastCommittedRow\":" + result.lastCommittedRow();
            context.out().println(String.format("{\"created\":%d,\"updated\":%d,\"skipped\":%d,\"failed\":%d%s%s}", result.created(),
                    result.updated(), result.skipped(), result.failed(), cancelled, notes.isEmpty() ? "" : ",\"notes\":[" + notes + "]"));
        } else {
            context.out().println(summary);
            if (result.cancelled()) {
                context.out().println(result.cancelNote());
            }
            for (ImportResult.Note note : result.notes()) {
                context.err().println(NLS.bind(CliMessages.Import_note, note.message(), note.count()));
            }
        }
        if (result.cancelled()) {
            if (result.outcome() == ImportResult.Outcome.CANCELLED_AT_BATCH && result.lastCommittedRow() > 0) {
                context.err().println(match == MatchPolicy.NONE ? CliMessages.Import_cancelledRerun : CliMessages.Import_cancelledRerunMatched);
            }
            return CANCELLED;
        }
        if (result.wroteNothing()) {
            context.err().println(NLS.bind(CliMessages.Import_rolledBack, result.failed()));
            return DATA;
        }
        return result.failed() > 0 ? PARTIAL : OK;
    }

    private static void printErrors(ImportResult result, Path errorReport, CommandContext context) {
        if (result.errors().isEmpty()) {
            return;
        }
        if (errorReport != null) {
            context.err().println(NLS.bind(CliMessages.Import_errorReportWritten, result.errors().size(), errorReport));
            return;
        }
        for (RowError e : result.errors().subList(0, Math.min(ERRORS_SHOWN, result.errors().size()))) {
            context.err().println(e.column() == null || e.column().isEmpty() ? NLS.bind(CliMessages.Import_rowError, e.row(), e.message())
                    : NLS.bind(CliMessages.Import_cellError, new Object[] { e.row(), e.column(), e.message() }));
        }
        if (result.errors().size() > ERRORS_SHOWN) {
            context.err().println(NLS.bind(CliMessages.Import_moreErrors, result.errors().size() - ERRORS_SHOWN));
        }
    }

    static String jsonString(String text) {
        StringBuilder json = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
            case '"' -> json.append("\\\"");
            case '\\' -> json.append("\\\\");
            case '\n' -> json.append("\\n");
            case '\r' -> json.append("\\r");
            case '\t' -> json.append("\\t");
            default -> {
                if (c < 0x20) {
                    json.append(String.format("\\u%04x", (int) c));
                } else {
                    json.append(c);
                }
            }
            }
        }
        return json.append('"').toString();
    }

    /** The file's locale from {@code --locale}: a language tag of a locale Java knows; {@code null} to detect. */
    static Locale locale(String tag) throws CommandException {
        if (tag == null) {
            return null;
        }
        Locale locale = Locale.forLanguageTag(tag.strip().replace('_', '-'));
        boolean known = !locale.getLanguage().isEmpty()
                && java.util.Arrays.stream(Locale.getAvailableLocales()).anyMatch(l -> l.getLanguage().equals(locale.getLanguage()));
        if (!known) {
            throw CommandException.usage(NLS.bind(CliMessages.Import_badLocale, tag));
        }
        return locale;
    }

    static Path existingFile(String name) throws CommandException {
        Path file = Path.of(name);
        if (!Files.isRegularFile(file)) {
            throw CommandException.usage(NLS.bind(CliMessages.Arg_noFile, name));
        }
        if (!Files.isReadable(file)) {
            throw CommandException.usage(NLS.bind(CliMessages.Arg_unreadableFile, name));
        }
        return file;
    }

    static Charset charset(String name) throws CommandException {
        if (name == null) {
            return null;
        }
        return switch (name.strip().toLowerCase(Locale.ROOT)) {
        case "utf-8", "utf8" -> StandardCharsets.UTF_8;
        case "gbk" -> Charset.forName("GBK");
        case "gb18030" -> Charset.forName("GB18030");
        default -> throw CommandException.usage(NLS.bind(CliMessages.Usage_badChoice, new Object[] { "--encoding", name, "utf-8, gbk, gb18030" }));
        };
    }

    private static List<String> splitList(String text) {
        return java.util.Arrays.stream(text.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    private static void checkField(ImportTargets.Target target, String field, String column) throws CommandException {
        if (target.field(field).isEmpty()) {
            throw CommandException.usage(NLS.bind(CliMessages.Import_unknownField, new Object[] { column, field, target.id(),
                    String.join(", ", target.fields().stream().map(TargetField::name).toList()) }));
        }
    }

    /** {@code column=field,…}; an empty field or {@code -} leaves the column out. */
    private static Map<String, String> parseMap(String text, ImportTargets.Target target) throws CommandException {
        Map<String, String> result = new LinkedHashMap<>();
        if (text == null) {
            return result;
        }
        for (String pair : splitList(text)) {
            int equals = pair.lastIndexOf('=');
            if (equals <= 0) {
                throw CommandException.usage(NLS.bind(CliMessages.Import_badMap, pair));
            }
            String column = pair.substring(0, equals).strip();
            String field = pair.substring(equals + 1).strip();
            if (field.isEmpty() || field.equals("-")) {
                result.put(column, null);
            } else {
                checkField(target, field, column);
                result.put(column, field);
            }
        }
        return result;
    }

    /** The targets named by {@code --create-missing}, each one an import target's id. */
    private static Set<String> createMissing(String text) throws CommandException {
        if (text == null) {
            return Set.of();
        }
        Set<String> ids = new java.util.LinkedHashSet<>();
        for (String id : splitList(text)) {
            if (ImportTargets.find(id).isEmpty()) {
                throw CommandException.usage(NLS.bind(CliMessages.Import_unknownEntity, id, ImportTargets.ids()));
            }
            ids.add(id);
        }
        return ids;
    }

    /**
     * {@code field:from=to,…}; an item without {@code field:} continues the field before it
     * ({@code stage:Won=Closed won,Lost=Closed lost}), and an empty {@code from} gives the field's default
     * for empty cells ({@code lossReason:=Not recorded}).
     */
    static ValueMapping parseValues(String text, ImportTargets.Target target) throws CommandException {
        ValueMapping values = ValueMapping.NONE;
        if (text == null) {
            return values;
        }
        String field = null;
        for (String item : splitList(text)) {
            int equals = item.indexOf('=');
            int colon = item.indexOf(':');
            if (colon > equals) {
                colon = -1; // a colon in the value, not after a field name
            }
            if (equals <= 0 || colon == 0 || (colon < 0 && field == null)) {
                throw CommandException.usage(NLS.bind(CliMessages.Import_badValues, item));
            }
            if (colon > 0) {
                field = item.substring(0, colon).strip();
                checkField(target, field, item);
            }
            values = values.with(field, item.substring(colon + 1, equals).strip(), item.substring(equals + 1).strip());
        }
        return values;
    }

    /** A mapping file: CSV (UTF-8) with the columns {@code column,field}, one row a file column. */
    private static Map<String, String> readMappingFile(Path file, ImportTargets.Target target) throws CommandException {
        Map<String, String> mapping = new LinkedHashMap<>();
        try (Reader reader = new java.io.StringReader(Files.readString(file, StandardCharsets.UTF_8).replaceFirst("^\uFEFF", ""))) {
            for (CSVRecord record : CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).setIgnoreEmptyLines(true).build()
                    .parse(reader)) {
                if (!record.isMapped("column") || !record.isMapped("field")) {
                    throw CommandException.usage(NLS.bind(CliMessages.Import_badMappingFile, file));
                }
                String column = record.get("column").strip();
                String field = record.get("field").strip();
                if (field.isEmpty() || field.equals("-")) {
                    continue;
                }
                checkField(target, field, column);
                mapping.put(column, field);
            }
        } catch (IOException | IllegalArgumentException | java.io.UncheckedIOException e) {
            throw CommandException.usage(NLS.bind(CliMessages.Import_badMappingFile, file) + " " + e.getMessage());
        }
        return mapping;
    }
}
