package org.salesbench.importexport.targets;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HexFormat;

import jakarta.persistence.PersistenceException;

import org.salesbench.core.time.Clocks;
import org.salesbench.persistence.UnitOfWork;

/**
 * The record of one bulk import that commits in chunks (table SB_IMPORT_RUN): the last file row of the last chunk
 * committed and how many records the run has committed so far. A loader writes it with {@link #record} in each
 * chunk's own transaction, so after a crash the record says exactly how far the committed part of the file goes. The
 * next run of the same file ({@link #sourceKey}: the target, the file's path and its first 64 KB, and the match
 * settings) finds the record and resumes after that row; a run that completes deletes it ({@link #finish}).
 * <p>
 * Any bulk writer may use it: open it at the start of the run, call {@link #record} in the transaction that commits or undoes
 * each chunk, and {@link #committed} once it has committed ({@link BulkChunks} does both).
 */
public final class ImportRun {

    /** How many new records a chunk of a bulk load holds at most (default 10,000): what a crash leaves to undo. */
    public static final String CHUNK_ROWS_PROPERTY = "salesbench.import.chunkRows";
    private static final int HEAD_BYTES = 64 * 1024;

    private final String sourceKey;
    private final String fileName;
    private final long resumedAfterRow;
    private final long resumedRecords;
    private final Timestamp startedAt;
    private volatile long lastRow;
    private volatile long records;

    private ImportRun(String sourceKey, String fileName, long lastRow, long records, Timestamp startedAt) {
        this.sourceKey = sourceKey;
        this.fileName = fileName;
        this.resumedAfterRow = lastRow;
        this.resumedRecords = records;
        this.lastRow = lastRow;
        this.records = records;
        this.startedAt = startedAt;
    }

    /**
     * Whether a bulk load into a table that holds no rows yet loads the whole file in one transaction instead of chunks
     * (default true): Derby's bulk insert into an empty table writes a new heap and its indexes unlogged, so it costs no
     * more than the file's reading, and a crash leaves Derby nothing to undo (the new conglomerates are dropped), whereas
     * every chunk after the first goes into a table that is no longer empty, row by row and logged (about nine times
     * slower at 100,000 rows). A table that holds rows is loaded in chunks, as a kill there leaves logged rows to undo.
     */
    public static final String WHOLE_INTO_EMPTY_PROPERTY = "salesbench.import.wholeIntoEmpty";

    /** {@value #WHOLE_INTO_EMPTY_PROPERTY}: true unless set to false. */
    public static boolean wholeIntoEmpty() {
        return !"false".equalsIgnoreCase(System.getProperty(WHOLE_INTO_EMPTY_PROPERTY, "true"));
    }

    /** How many new records a chunk holds: {@value #CHUNK_ROWS_PROPERTY}, at least 1. */
    public static int chunkRows() {
        return Math.max(1, Integer.getInteger(CHUNK_ROWS_PROPERTY, 10_000));
    }

    /**
     * What identifies "the same import" for resuming: the target, the file's absolute path, its first 64 KB and the
     * match settings (so an edited row near the end still resumes, a new export saved over the file does not).
     */
    public static String sourceKey(String targetId, Path file, String settings) throws IOException {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update((targetId + '\n' + file.toAbsolutePath().normalize() + '\n' + settings + '\n').getBytes(StandardCharsets.UTF_8));
            try (InputStream in = Files.newInputStream(file)) {
                digest.update(in.readNBytes(HEAD_BYTES));
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The run of {@code sourceKey}: the unfinished one a crash (or a stopped run) left, which this run resumes, or a
     * new one, recorded at once.
     */
    public static ImportRun open(UnitOfWork unitOfWork, String sourceKey, String targetId, String fileName, String login) {
        return unitOfWork.write(em -> {
            Connection connection = em.unwrap(Connection.class);
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT LAST_ROW, RECORDS, STARTED_AT FROM SB_IMPORT_RUN WHERE SOURCE_KEY = ?")) {
                select.setString(1, sourceKey);
                try (ResultSet rs = select.executeQuery()) {
                    if (rs.next()) {
                        return new ImportRun(sourceKey, fileName, rs.getLong(1), rs.getLong(2), rs.getTimestamp(3));
                    }
                }
                Timestamp now = Timestamp.from(Instant.now(Clocks.system()));
                try (PreparedStatement insert = connection.prepareStatement("INSERT INTO SB_IMPORT_RUN (SOURCE_KEY, TARGET_ID, FILE_NAME, STARTED_BY,"
                        + " STARTED_AT, UPDATED_AT, LAST_ROW, RECORDS) VALUES (?, ?, ?, ?, ?, ?, 0, 0)")) {
                    insert.setString(1, sourceKey);
                    insert.setString(2, targetId);
                    insert.setString(3, fileName.length() > 1000 ? fileName.substring(0, 1000) : fileName);
                    insert.setString(4, login);
                    insert.setTimestamp(5, now);
                    insert.setTimestamp(6, now);
                    insert.executeUpdate();
                }
                return new ImportRun(sourceKey, fileName, 0, 0, now);
            } catch (SQLException e) {
                throw new PersistenceException(e.getMessage(), e);
            }
        });
    }

    /** The file row after which this run resumes an interrupted one (0: it starts at the beginning). */
    public long resumedAfterRow() {
        return resumedAfterRow;
    }

    /** How many records the interrupted run this one resumes had committed. */
    public long resumedRecords() {
        return resumedRecords;
    }

    /** When the run (or the interrupted run it resumes) began. */
    public Timestamp startedAt() {
        return startedAt;
    }

    public String fileName() {
        return fileName;
    }

    /** The last file row committed so far (by this run or the one it resumes). */
    public long lastRow() {
        return lastRow;
    }

    /** Records committed so far (by this run and the one it resumes). */
    public long records() {
        return records;
    }

    /**
     * In the transaction that commits (or undoes) a chunk: the file is committed through {@code throughRow}, with
     * {@code totalRecords} records of this run and the one it resumes. Call {@link #committed} once that transaction has
     * committed.
     */
    public void record(Connection connection, long throughRow, long totalRecords) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("UPDATE SB_IMPORT_RUN SET LAST_ROW = ?, RECORDS = ?, UPDATED_AT = ? WHERE SOURCE_KEY = ?")) {
            update.setLong(1, throughRow);
            update.setLong(2, totalRecords);
            update.setTimestamp(3, Timestamp.from(Instant.now(Clocks.system())));
            update.setString(4, sourceKey);
            update.executeUpdate();
        }
    }

    /** What {@link #record} wrote is committed: {@link #lastRow} and {@link #records} say so from now on. */
    public void committed(long throughRow, long totalRecords) {
        lastRow = throughRow;
        records = totalRecords;
    }

    /** The run is over (completed, or rolled back to nothing): the record goes, and the next run of the file starts afresh. */
    public void finish(UnitOfWork unitOfWork) {
        unitOfWork.write(em -> em.createNativeQuery("DELETE FROM SB_IMPORT_RUN WHERE SOURCE_KEY = ?").setParameter(1, sourceKey).executeUpdate());
    }
}
