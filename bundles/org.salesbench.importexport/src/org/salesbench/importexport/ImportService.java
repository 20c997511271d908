package org.salesbench.importexport;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.eclipse.core.runtime.IProgressMonitor;

/**
 * Imports files into targets and exports targets to files. Headless: the workbench wizard and the
 * command line are thin layers over it. Long runs take an {@link IProgressMonitor}; cancelling it
 * stops the run cleanly (see {@link ImportResult.Outcome}).
 */
public interface ImportService {

    List<FormatDescriptor> formats();

    List<TargetDescriptor> targets();

    /** The format for a file name's extension (csv, tsv, txt, xlsx, vcf), if any. */
    Optional<FormatDescriptor> formatFor(Path file);

    TargetDescriptor target(String id);

    /** Maps each header to the field whose name, label or alias it matches (ignoring case, spaces, punctuation). */
    ColumnMapping autoMap(List<String> header, String targetId);

    /** Reads the header and a few rows, maps them automatically and lists what needs the user's attention. */
    ImportPreview preview(Path file, ReadOptions options, String targetId) throws IOException;

    /**
     * Imports a file.
     *
     * @throws ImportException when the file cannot be read at all or the mapping names an unknown
     *                         field; nothing has been written then
     */
    ImportResult run(Path file, ReadOptions options, ImportSettings settings, IProgressMonitor monitor) throws IOException;

    /** Exports the records of a target that {@code filter} selects (target-specific; {@code null} for all). */
    int export(String targetId, Object filter, Path file, WriteOptions options, IProgressMonitor monitor) throws IOException;

    /**
     * The fields of a target that an export leaves out for the current user, because their roles hide them (see
     * {@link org.salesbench.core.security.FieldMask}); empty when the export holds every field.
     */
    List<TargetField> withheldFields(String targetId) throws ImportException;

    /**
     * The filter of a target's export read from what a user types ({@link ImportTarget#parseFilter}).
     *
     * @throws IllegalArgumentException naming what is wrong: an unknown key or value, or a target that takes no filter
     */
    Object parseFilter(String targetId, String text);

    /** Saves a mapping under a name for the target, replacing one of the same name. */
    void saveMapping(String targetId, String name, ColumnMapping columns, ValueMapping values);

    /** A saved mapping. */
    Optional<SavedMapping> loadMapping(String targetId, String name);

    /** The names of the target's saved mappings, sorted. */
    List<String> mappingNames(String targetId);

    void deleteMapping(String targetId, String name);

    record SavedMapping(String name, ColumnMapping columns, ValueMapping values) {
    }
}
