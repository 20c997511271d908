package org.salesbench.persistence.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.salesbench.core.security.LocalSecurityService;
import org.salesbench.persistence.Backups;
import org.salesbench.persistence.Database;
import org.salesbench.persistence.DatabaseSettings;

/** Derby's online backup of a database that another thread keeps writing, and scheduled backups, on real Derby. */
class BackupsTest {

    @TempDir
    Path dir;

    @Test
    void aBackupTakenWhileAnotherThreadWritesOpensAndHoldsEveryRowCommittedBeforeIt() throws Exception {
        DatabaseSettings settings = DatabaseSettings.embedded(dir.resolve("db"));
        try (Database db = Database.open(settings, new LocalSecurityService("li.wei"))) {
            for (int batch = 0; batch < 20; batch++) { // enough pages that the copy takes a while
                int b = batch;
                db.write(em -> {
                    for (int i = 0; i < 100; i++) {
                        em.persist(new Note("before " + b + "/" + i + " " + "x".repeat(100)));
                    }
                    return null;
                });
            }
            AtomicLong committed = new AtomicLong(2_000);
            AtomicBoolean stop = new AtomicBoolean();
            AtomicReference<Throwable> writerFailure = new AtomicReference<>();
            CountDownLatch writing = new CountDownLatch(50);
            Thread writer = Thread.ofPlatform().start(() -> {
                try {
                    for (int n = 0; !stop.get(); n++) {
                        int k = n;
                        db.write(em -> {
                            em.persist(new Note("during " + k));
                            return null;
                        });
                        committed.incrementAndGet();
                        writing.countDown();
                    }
                } catch (Throwable t) {
                    writerFailure.set(t);
                }
            });
            assertTrue(writing.await(60, TimeUnit.SECONDS), "the writer is under way");
            long committedBefore = committed.get();
            List<Integer> progress = new CopyOnWriteArrayList<>();
            Path backup = Backups.backup(settings, dir.resolve("backups"), progress::add);
            long committedAfter = committed.get();
            stop.set(true);
            writer.join();
            assertEquals(null, writerFailure.get(), "the writer was never stopped by the backup");
            assertTrue(committedAfter > committedBefore, "rows were committed while the backup ran: " + committedBefore + " → " + committedAfter);

            assertEquals(dir.resolve("backups").resolve("db"), backup);
            assertEquals(100, progress.get(progress.size() - 1), progress.toString());
            for (int i = 1; i < progress.size(); i++) {
                assertTrue(progress.get(i) >= progress.get(i - 1), "progress never goes back: " + progress);
            }

            long inBackup = countNotes(DatabaseSettings.embedded(copy(backup, dir.resolve("opened"))));
            assertTrue(inBackup >= committedBefore && inBackup <= committedAfter,
                    "the backup holds the rows committed when it started (" + committedBefore + " ≤ " + inBackup + " ≤ " + committedAfter + ")");
        }
    }

    @Test
    void scheduledBackupsKeepTheNewestAndSayWhenTheLastWasTaken() throws Exception {
        DatabaseSettings settings = DatabaseSettings.embedded(dir.resolve("db"));
        Path folder = dir.resolve("daily");
        Files.createDirectories(folder.resolve("my notes")); // not a backup: left alone
        assertFalse(Backups.lastDated(folder).isPresent());
        try (Database db = Database.open(settings, new LocalSecurityService("li.wei"))) {
            Instant start = Instant.now().minusSeconds(1);
            Path first = Backups.backupDated(settings, folder, 2, p -> { });
            Path second = Backups.backupDated(settings, folder, 2, p -> { });
            db.write(em -> {
                em.persist(new Note("only in the third"));
                return null;
            });
            Path third = Backups.backupDated(settings, folder, 2, p -> { });
            assertFalse(Files.exists(first.getParent()), "the oldest went: only two are kept");
            assertTrue(Files.isRegularFile(second.resolve("service.properties")));
            assertEquals(List.of(second.getParent(), third.getParent()), Backups.datedBackups(folder));
            assertTrue(Files.isDirectory(folder.resolve("my notes")));
            assertTrue(!Backups.lastDated(folder).get().isBefore(start.truncatedTo(java.time.temporal.ChronoUnit.SECONDS)));
            assertEquals(1, countNotes(DatabaseSettings.embedded(copy(third, dir.resolve("third")))));
        }
    }

    private static Path copy(Path backup, Path to) throws Exception {
        try (var files = Files.walk(backup)) {
            for (Path f : files.toList()) {
                Path target = to.resolve(backup.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(f, target);
                }
            }
        }
        return to;
    }

    private static long countNotes(DatabaseSettings settings) throws Exception {
        try (Connection c = Database.connect(new DatabaseSettings(settings.url().replace(";create=true", ""), null, null));
                Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM SB_TEST_NOTE")) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
