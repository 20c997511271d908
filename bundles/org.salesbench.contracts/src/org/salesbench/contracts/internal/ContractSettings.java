package org.salesbench.contracts.internal;

import org.eclipse.core.runtime.Platform;
import org.eclipse.core.runtime.preferences.IEclipsePreferences;
import org.eclipse.core.runtime.preferences.InstanceScope;
import org.osgi.service.prefs.BackingStoreException;

/**
 * The contracts' settings, preferences of this bundle in the instance scope (the workspace of the workbench or of the
 * command line): {@value #NUMBER_PATTERN}, the numbering scheme ({@link NumberScheme}), {@value #DEFAULT_PATTERN} by
 * default; {@value #ARCHIVE_FOLDER}, the folder contract documents and attachments are archived in (empty: in the
 * database). On a team server every workbench names the same shared folder.
 */
public final class ContractSettings {

    public static final String QUALIFIER = "org.salesbench.contracts";
    public static final String NUMBER_PATTERN = "number.pattern";
    public static final String DEFAULT_PATTERN = "HT-{yyyy}-{seq:5}";

    public static final String ARCHIVE_FOLDER = "archive.folder";

    private ContractSettings() {
    }

    /** The configured numbering pattern. */
    public static String numberPattern() {
        return Platform.getPreferencesService().getString(QUALIFIER, NUMBER_PATTERN, DEFAULT_PATTERN, null);
    }

    /** Stores the numbering pattern after checking it can number contracts; {@code null} goes back to the default. */
    public static void setNumberPattern(String pattern) {
        IEclipsePreferences node = InstanceScope.INSTANCE.getNode(QUALIFIER);
        if (pattern == null) {
            node.remove(NUMBER_PATTERN);
        } else {
            node.put(NUMBER_PATTERN, NumberScheme.parse(pattern).pattern());
        }
        try {
            node.flush();
        } catch (BackingStoreException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    /** The folder files are archived in, or empty when they are kept in the database. */
    public static java.util.Optional<java.nio.file.Path> archiveFolder() {
        String folder = Platform.getPreferencesService().getString(QUALIFIER, ARCHIVE_FOLDER, "", null);
        return folder == null || folder.isBlank() ? java.util.Optional.empty() : java.util.Optional.of(java.nio.file.Path.of(folder.strip()));
    }

    /** Stores the archive folder; {@code null} or blank: files go to the database from now on (those archived stay where they are). */
    public static void setArchiveFolder(String folder) {
        IEclipsePreferences node = InstanceScope.INSTANCE.getNode(QUALIFIER);
        if (folder == null || folder.isBlank()) {
            node.remove(ARCHIVE_FOLDER);
        } else {
            node.put(ARCHIVE_FOLDER, folder.strip());
        }
        try {
            node.flush();
        } catch (BackingStoreException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }
}
