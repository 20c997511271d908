package org.salesbench.persistence;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.IntConsumer;
import java.util.stream.Stream;

import org.eclipse.osgi.util.NLS;
import org.salesbench.persistence.DatabaseException.Reason;
import org.salesbench.persistence.DatabaseSettings.Dialect;
import org.salesbench.persistence.internal.BackupChannel;
import org.salesbench.persistence.internal.DerbyDatabase;
import org.salesbench.persistence.internal.Messages;
import org.salesbench.persistence.internal.PostgresTools;
import org.salesbench.persistence.internal.SafetyCopies;

/**
 * Backups of a whole database while people work, and restores that check what they put back.
 * <ul>
 * <li>Embedded Derby: Derby's online backup ({@code SYSCS_UTIL.SYSCS_BACKUP_DATABASE}) makes
 * {@code <folder>/<database folder>}, a consistent copy of what was committed when it started. Only the process that
 * has the database open can take it: another process (the command line while the workbench runs) asks that one
 * through {@link #backupByHolder}.</li>
 * <li>PostgreSQL: {@code pg_dump --format=custom} makes {@code <folder>/<database>.dump} from one snapshot;
 * {@code pg_restore} puts it back.</li>
 * </ul>
 * A restore refuses a backup of a newer schema ({@link SchemaVersion}) and first keeps the current database as a
 * safety copy, whose path it returns.
 */
public final class Backups {

    /** The name of a scheduled backup's folder: when it was taken, in local time, so the names sort by age. */
    private static final DateTimeFormatter DATED = DateTimeFormatter.ofPattern("'salesbench-'yyyyMMdd-HHmmss-SSS");
    private static final String SERVICE_FILE = "service.properties";

    /** What a restore did: where the backup came from, and where the database as it was is kept (null if there was none). */
    public record Restored(Path from, Path safetyCopy) {
    }

    private Backups() {
    }

    /**
     * Takes a backup of the database into {@code folder} while others go on working, reporting progress from 0 to 100
     * (in the calling thread or another one). An embedded database must be open in this process or closed.
     *
     * @return the backup: the database folder Derby made, or PostgreSQL's dump file
     * @throws DatabaseException {@link Reason#BACKUP} naming the folder and the cause
     */
    public static Path backup(DatabaseSettings settings, Path folder, IntConsumer progress) {
        Path target = folder.toAbsolutePath();
        try {
            if (Files.exists(target) && !Files.isDirectory(target)) {
                throw new DatabaseException(Reason.BACKUP, NLS.bind(Messages.Backup_notAFolder, target), null);
            }
            Files.createDirectories(target);
            if (settings.dialect() == Dialect.POSTGRESQL) {
                Path dump = PostgresTools.dump(settings, target);
                progress.accept(100);
                return dump;
            }
            if (settings.dialect() != Dialect.DERBY) {
                throw new DatabaseException(Reason.BACKUP, NLS.bind(Messages.Backup_unsupported, settings.displayName()), null);
            }
            return derbyBackup(DerbyDatabase.of(settings), target, progress);
        } catch (SQLException e) {
            throw inUse(settings, e).orElseGet(() -> new DatabaseException(Reason.BACKUP,
                    NLS.bind(Messages.Backup_failed, target, DatabaseException.messageOf(e)), e));
        } catch (IOException e) {
            throw new DatabaseException(Reason.BACKUP, NLS.bind(Messages.Backup_failed, target, e.getMessage()), e);
        }
    }

    private static Path derbyBackup(DerbyDatabase derby, Path folder, IntConsumer progress) throws SQLException {
        Path made = folder.resolve(derby.folderName());
        long total = derby.directory().map(DerbyDatabase::size).orElse(0L);
        // Derby tells nothing while it copies: the share of the database's bytes already in the backup is the progress.
        // The watcher is told to stop by a latch, never by an interrupt: it may be writing the progress to a channel
        // (a backup asked through BackupChannel), and an interrupt during, or just before, a write on an interruptible
        // channel closes that channel, so the asker would get no answer at all.
        CountDownLatch over = new CountDownLatch(1);
        Thread watcher = total <= 0 ? null : Thread.ofPlatform().daemon().name("Salesbench backup progress").start(() -> {
            try {
                do {
                    progress.accept((int) Math.min(99, DerbyDatabase.size(made) * 100 / total));
                } while (!over.await(200, TimeUnit.MILLISECONDS));
            } catch (InterruptedException e) {
                // nobody interrupts it; stop reporting if someone does
            }
        });
        try (Connection c = derby.connect("")) {
            derby.backup(c, folder);
        } finally {
            over.countDown();
            if (watcher != null) {
                try {
                    watcher.join();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
        progress.accept(100);
        return made;
    }

    /**
     * Asks the process that has the embedded database open (the workbench, or a long command) to take the backup, as
     * only it can while it runs. The request goes through a local socket that only the same operating-system user can
     * reach.
     *
     * @return the backup, or empty when no process holds the database (then open it and call {@link #backup})
     * @throws DatabaseException when the holder answered that the backup failed
     */
    public static Optional<Path> backupByHolder(DatabaseSettings settings, Path folder, IntConsumer progress) {
        return BackupChannel.request(settings, folder.toAbsolutePath(), progress);
    }

    /**
     * A scheduled backup: a new folder named by the time under {@code folder}, then only the newest {@code keep} of
     * those folders are kept (other files in {@code folder} are left alone).
     */
    public static Path backupDated(DatabaseSettings settings, Path folder, int keep, IntConsumer progress) {
        Path dated = folder.toAbsolutePath().resolve(LocalDateTime.now().format(DATED));
        Path made = backup(settings, dated, progress);
        List<Path> all = datedBackups(folder);
        try {
            for (Path old : all.subList(0, Math.max(0, all.size() - Math.max(1, keep)))) {
                deleteTree(old);
            }
        } catch (IOException | UncheckedIOException e) {
            throw new DatabaseException(Reason.BACKUP, NLS.bind(Messages.Backup_pruneFailed, folder, e.getMessage()), e);
        }
        return made;
    }

    /** When the newest scheduled backup in {@code folder} was taken; empty if there is none. */
    public static Optional<Instant> lastDated(Path folder) {
        List<Path> all = datedBackups(folder);
        return all.isEmpty() ? Optional.empty() : Optional.of(takenAt(all.get(all.size() - 1)));
    }

    /** The scheduled backups in {@code folder}, oldest first. */
    public static List<Path> datedBackups(Path folder) {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        List<Path> dated = new ArrayList<>();
        try (Stream<Path> children = Files.list(folder)) {
            children.filter(Files::isDirectory).filter(p -> takenAt(p) != null).forEach(dated::add);
        } catch (IOException e) {
            return List.of();
        }
        dated.sort(Comparator.comparing(Backups::takenAt));
        return dated;
    }

    /** When the scheduled backup {@code dated} was taken, from its name; null if it is no scheduled backup. */
    private static Instant takenAt(Path dated) {
        try {
            return LocalDateTime.parse(dated.getFileName().toString(), DATED).atZone(ZoneId.systemDefault()).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** Whether there is a database the restore would replace (a server database always is). */
    public static boolean databaseExists(DatabaseSettings settings) {
        if (settings.dialect() != Dialect.DERBY) {
            return true;
        }
        try {
            return DerbyDatabase.of(settings).exists();
        } catch (SQLException e) {
            throw inUse(settings, e).orElseGet(() -> new DatabaseException(Reason.BACKUP,
                    NLS.bind(Messages.Restore_failed, settings.displayName(), DatabaseException.messageOf(e)), e));
        }
    }

    /**
     * Puts a backup back in place of the database, which nobody may have open. A backup of a newer schema is refused
     * naming both versions; the current database is first kept as a safety copy beside it (Derby) or beside the
     * backup (PostgreSQL).
     *
     * @param backup a backup folder (or the folder that holds one) for Derby, a dump file (or its folder) for PostgreSQL
     * @throws DatabaseException {@link Reason#NEWER_SCHEMA} or {@link Reason#BACKUP}; the database is as it was then
     */
    public static Restored restore(DatabaseSettings settings, Path backup) {
        Path from = backup.toAbsolutePath();
        if (settings.dialect() == Dialect.POSTGRESQL) {
            return PostgresTools.restore(settings, from);
        }
        if (settings.dialect() != Dialect.DERBY) {
            throw new DatabaseException(Reason.BACKUP, NLS.bind(Messages.Backup_unsupported, settings.displayName()), null);
        }
        DerbyDatabase derby = DerbyDatabase.of(settings);
        Path source = Files.isRegularFile(from.resolve(SERVICE_FILE)) ? from : from.resolve(derby.folderName());
        if (!Files.isRegularFile(source.resolve(SERVICE_FILE))) {
            throw new DatabaseException(Reason.BACKUP, NLS.bind(Messages.Restore_notABackup, from, derby.folderName()), null);
        }
        checkSchema(source, derby);
        try {
            Path safetyCopy = null;
            if (derby.exists()) {
                Path keptIn = SafetyCopies.next(derby.directory().orElse(source).toAbsolutePath().getParent(), derby.folderName(), "");
                try (Connection c = derby.connect("")) {
                    derby.backup(c, keptIn);
                }
                derby.shutdown();
                safetyCopy = keptIn.resolve(derby.folderName());
            }
            try (Connection c = derby.connect(";restoreFrom=" + source)) {
                // restored; shut down below so the next start opens the restored files
            }
            derby.shutdown();
            return new Restored(source, safetyCopy);
        } catch (SQLException e) {
            throw inUse(settings, e).orElseGet(() -> new DatabaseException(Reason.BACKUP,
                    NLS.bind(Messages.Restore_failed, source, DatabaseException.messageOf(e)), e));
        }
    }

    /** The "open in another Salesbench" error, when that is why Derby refused. */
    private static Optional<DatabaseException> inUse(DatabaseSettings settings, SQLException e) {
        DatabaseException translated = Database.translateConnectFailure(settings, e);
        return translated.getReason() == Reason.IN_USE ? Optional.of(translated) : Optional.empty();
    }

    /** Reads the backup's schema version from a scratch copy, so the backup itself stays untouched. */
    private static void checkSchema(Path source, DerbyDatabase derby) {
        Path scratch = null;
        SchemaVersion version;
        try {
            scratch = Files.createTempDirectory("salesbench-restore-check").resolve(derby.folderName());
            copyTree(source, scratch);
            DerbyDatabase copy = DerbyDatabase.of(new DatabaseSettings("jdbc:derby:" + scratch, null, null));
            try (Connection c = copy.connect("")) {
                try {
                    version = SchemaVersion.of(c, source.toString());
                } finally {
                    if (!c.getAutoCommit()) {
                        c.rollback(); // only read; Liquibase's parse leaves a transaction open
                    }
                }
            } finally {
                copy.shutdown();
            }
        } catch (IOException | UncheckedIOException | SQLException e) {
            throw new DatabaseException(Reason.BACKUP, NLS.bind(Messages.Restore_failed, source, e.getMessage()), e);
        } finally {
            if (scratch != null) {
                try {
                    deleteTree(scratch.getParent());
                } catch (IOException | UncheckedIOException e) {
                    // a scratch copy in the temporary folder: the system clears it
                }
            }
        }
        refuseNewer(version, source);
    }

    /** @throws DatabaseException {@link Reason#NEWER_SCHEMA} when {@code version} is of a newer Salesbench */
    public static void refuseNewer(SchemaVersion version, Path backup) {
        if (version.newerThanThisSalesbench()) {
            throw new DatabaseException(Reason.NEWER_SCHEMA, NLS.bind(Messages.Restore_newerSchema, new Object[] {backup,
                    version.database(), version.thisSalesbench(), version.unknown().get(0)}), null);
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                Path target = to.resolve(from.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(f, target);
                }
            }
        }
    }

    static void deleteTree(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path f : (Iterable<Path>) files.sorted(Comparator.reverseOrder())::iterator) {
                Files.delete(f);
            }
        }
    }
}
