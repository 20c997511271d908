package org.salesbench.importexport.targets;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Date;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;

/**
 * Rows of a {@link DerbyBulkInsert#spilling} insert past what it keeps in memory, in a temporary file: written batch by
 * batch as staging hands them over, read back batch by batch, in the same order, when the insert runs. The values are
 * those a bulk load's rows hold (null, Long, Integer, Short, Boolean, String, BigDecimal, Double, Timestamp, Date), each
 * written with a one-byte tag; the file is deleted when the insert closes.
 */
final class SpillFile {

    private static final byte NULL = 0, LONG = 1, INT = 2, SHORT = 3, BOOLEAN = 4, STRING = 5, DECIMAL = 6, DOUBLE = 7, TIMESTAMP = 8, DATE = 9;

    private final Path file;
    private DataOutputStream out;
    private DataInputStream in;

    SpillFile(String table) throws IOException {
        this.file = Files.createTempFile("salesbench-" + table.toLowerCase(java.util.Locale.ROOT) + "-", ".rows");
        this.out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file), 1 << 16));
    }

    /** Appends a batch of rows. */
    void write(List<Object[]> rows) {
        try {
            out.writeInt(rows.size());
            for (Object[] row : rows) {
                out.writeShort(row.length);
                for (Object value : row) {
                    writeValue(value);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void writeValue(Object value) throws IOException {
        switch (value) {
        case null -> out.writeByte(NULL);
        case Long l -> {
            out.writeByte(LONG);
            out.writeLong(l);
        }
        case Integer i -> {
            out.writeByte(INT);
            out.writeInt(i);
        }
        case Short s -> {
            out.writeByte(SHORT);
            out.writeShort(s);
        }
        case Boolean b -> {
            out.writeByte(BOOLEAN);
            out.writeBoolean(b);
        }
        case String s -> {
            out.writeByte(STRING);
            byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
            out.writeInt(bytes.length);
            out.write(bytes);
        }
        case BigDecimal d -> {
            out.writeByte(DECIMAL);
            out.writeUTF(d.toString());
        }
        case Double d -> {
            out.writeByte(DOUBLE);
            out.writeDouble(d);
        }
        case Timestamp t -> {
            out.writeByte(TIMESTAMP);
            out.writeLong(t.getTime());
            out.writeInt(t.getNanos());
        }
        case Date d -> {
            out.writeByte(DATE);
            out.writeLong(d.getTime());
        }
        default -> throw new IllegalArgumentException("a bulk load row cannot hold a " + value.getClass().getName());
        }
    }

    /** Every batch is written: the file is read from its start from now on. */
    void finishWriting() {
        try {
            out.close();
            out = null;
            in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The next batch written, or {@code null} after the last. */
    List<Object[]> read() {
        try {
            int count;
            try {
                count = in.readInt();
            } catch (EOFException end) {
                return null;
            }
            List<Object[]> rows = new ArrayList<>(count);
            for (int r = 0; r < count; r++) {
                Object[] row = new Object[in.readShort()];
                for (int c = 0; c < row.length; c++) {
                    row[c] = readValue();
                }
                rows.add(row);
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Object readValue() throws IOException {
        byte tag = in.readByte();
        return switch (tag) {
        case NULL -> null;
        case LONG -> in.readLong();
        case INT -> in.readInt();
        case SHORT -> in.readShort();
        case BOOLEAN -> in.readBoolean();
        case STRING -> {
            byte[] bytes = new byte[in.readInt()];
            in.readFully(bytes);
            yield new String(bytes, StandardCharsets.UTF_8);
        }
        case DECIMAL -> new BigDecimal(in.readUTF());
        case DOUBLE -> in.readDouble();
        case TIMESTAMP -> {
            Timestamp t = new Timestamp(in.readLong());
            t.setNanos(in.readInt());
            yield t;
        }
        case DATE -> new Date(in.readLong());
        default -> throw new IOException("spill file " + file + " is damaged (value tag " + tag + ")");
        };
    }

    /** Closes and deletes the file. */
    void delete() {
        try {
            if (out != null) {
                out.close();
            }
            if (in != null) {
                in.close();
            }
            Files.deleteIfExists(file);
        } catch (IOException e) {
            System.getLogger(SpillFile.class.getName()).log(System.Logger.Level.WARNING, "Could not delete " + file, e);
        }
    }
}
