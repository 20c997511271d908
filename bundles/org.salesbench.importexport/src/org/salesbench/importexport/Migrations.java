package org.salesbench.importexport;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.osgi.util.NLS;
import org.salesbench.importexport.internal.Messages;
import org.salesbench.importexport.internal.Migrator;
import org.salesbench.importexport.internal.Migrator.Orphans;

/**
 * Another CRM's whole data export folder, as the import wizard and other callers see it: the vendors modules declare
 * files of, the plan for a folder (each declared file, whether the folder has it and how many rows) and the run (see
 * {@code salesbench cli migrate}), file by file with progress.
 */
public final class Migrations {

    private Migrations() {
    }

    /**
     * One declared file of the plan.
     *
     * @param file the folder's file, or {@code null} if the folder does not have it
     * @param rows its data rows (0 if absent)
     */
    public record PlannedFile(String name, String targetId, Path file, long rows) {
    }

    /** What one file did; {@code orphans}: rows without an account, placed on the placeholder customer. */
    public record FileSummary(String name, String targetId, ImportResult result, int orphans) {
    }

    /**
     * A file's line of a migration's summary, in the user's language: "Contact.csv → contacts: created 2000, …", or, for a
     * file a cancel stopped, what it kept ("cancelled after row 2001: created 2000, …" or "cancelled, nothing of this file
     * was written"). The wizard and {@code cli migrate} print the same lines.
     */
    public static String summaryLine(String fileName, String targetId, ImportResult r) {
        return switch (r.outcome()) {
        // a file cancelled whole wrote nothing (its counts say what would have been); one stopped at a batch kept those before
        case CANCELLED_ROLLED_BACK -> NLS.bind(Messages.Migrate_fileRolledBack, fileName, targetId);
        case CANCELLED_AT_BATCH -> NLS.bind(Messages.Migrate_fileStopped, new Object[] { fileName, targetId, r.lastCommittedRow(), r.created(),
                r.updated(), r.skipped(), r.failed() });
        default -> NLS.bind(Messages.Migrate_fileSummary, new Object[] { fileName, targetId, r.created(), r.updated(), r.skipped(), r.failed() });
        };
    }

    /** The summary's last line after a cancelled migration: the files after the last one listed were not read. */
    public static String cancelledNote() {
        return Messages.Migrate_cancelled;
    }

    /** The vendors some module declares files of, sorted (salesforce, zoho…). */
    public static List<String> vendors() {
        return Migrator.vendors();
    }

    /** The vendor's declared files in import order, with the folder's file and its row count where it has it. */
    public static List<PlannedFile> plan(String vendor, Path folder) throws IOException {
        List<PlannedFile> plan = new ArrayList<>();
        for (Migrator.FileSpec spec : Migrator.files(vendor)) {
            Optional<Path> file = Migrator.find(folder, spec.name());
            plan.add(new PlannedFile(spec.name(), spec.target(), file.orElse(null), file.isPresent() ? Migrator.rows(file.get()) : 0));
        }
        return plan;
    }

    /**
     * Imports every declared file the folder has, in order, valid rows and matched on the vendor's record ids (a
     * second run skips what the first imported); contacts without an account go to one placeholder customer.
     *
     * @param addValues whether values a list users edit does not have are added to it (else row errors)
     * @param each      hears of each file as it is done (may be {@code null})
     */
    public static List<FileSummary> run(ImportService service, String vendor, Path folder, boolean addValues, Consumer<FileSummary> each,
            IProgressMonitor monitor) throws IOException {
        List<FileSummary> summaries = new ArrayList<>();
        new Migrator(service).addingValues(addValues).run(vendor, folder, Orphans.PLACEHOLDER, r -> {
            FileSummary summary = new FileSummary(r.spec().name(), r.spec().target(), r.result(), r.orphans());
            summaries.add(summary);
            if (each != null) {
                each.accept(summary);
            }
        }, monitor);
        return summaries;
    }
}
