package org.salesbench.importexport.internal.targets;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * A staging file in the delimited format of Derby's import procedure ({@code SYSCS_UTIL.SYSCS_IMPORT_DATA}),
 * UTF-8, comma between columns: an empty unquoted field is NULL; every text is quoted, with quotes doubled,
 * so that commas, quotes, line breaks, leading blanks and the empty string survive the round trip.
 */
final class DerbyImportFile implements AutoCloseable {

    private final Path file;
    private final String table;
    private final String columns;
    private final BufferedWriter out;
    private boolean first = true;
    private long rows;

    DerbyImportFile(Path dir, String table, String columns) throws IOException {
        this.file = dir.resolve(table + ".del");
        this.table = table;
        this.columns = columns;
        this.out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
    }

    DerbyImportFile text(String value) {
        try {
            separate();
            if (value != null) {
                out.write('"');
                if (value.indexOf('"') >= 0) {
                    out.write(value.replace("\"", "\"\""));
                } else {
                    out.write(value);
                }
                out.write('"');
            }
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A number, date or timestamp in the form its {@code toString} gives (which Derby reads back); NULL for {@code null}. */
    DerbyImportFile value(Object value) {
        try {
            separate();
            if (value != null) {
                out.write(value.toString());
            }
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void separate() throws IOException {
        if (!first) {
            out.write(',');
        }
        first = false;
    }

    void endRow() {
        try {
            out.write('\n');
            first = true;
            rows++;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    long rows() {
        return rows;
    }

    /**
     * Loads the file into its table. Derby commits (or, on failure, rolls back) the connection's
     * transaction by itself; into an empty table it is a bulk insert that sorts each index once.
     */
    void load(Connection connection) throws IOException, SQLException {
        out.close();
        if (rows == 0) {
            return;
        }
        try (PreparedStatement call = connection.prepareStatement("CALL SYSCS_UTIL.SYSCS_IMPORT_DATA(NULL, ?, ?, NULL, ?, ',', '\"', 'UTF-8', 0)")) {
            call.setString(1, table);
            call.setString(2, columns);
            call.setString(3, file.toAbsolutePath().toString());
            call.execute();
        }
    }

    @Override
    public void close() {
        try {
            out.close();
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // a staging file left in the temporary directory does no harm
        }
    }
}
