package org.salesbench.importexport.targets;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Calendar;
import java.util.List;

import org.apache.derby.vti.VTITemplate;

/**
 * The table function Derby's bulk insert reads a {@link DerbyBulkInsert}'s rows through. Derby creates it by
 * name, with the schema, the table and the insert's key; it must stay public with that constructor.
 */
public final class BulkInsertRows extends VTITemplate {

    private final DerbyBulkInsert insert;
    private List<Object[]> rows = List.of();
    private int next;
    private Object[] row;
    private boolean wasNull;

    public BulkInsertRows(String schema, String table, String key) throws SQLException {
        this.insert = DerbyBulkInsert.of(key);
    }

    /** Whether this instance has read from the insert (Derby also makes one only to learn the columns). */
    private boolean executing;

    @Override
    public boolean next() throws SQLException {
        if (!executing) {
            executing = true;
            insert.startExecution();
        }
        while (next == rows.size()) {
            List<Object[]> more = insert.take();
            if (more == null) {
                return false;
            }
            rows = more;
            next = 0;
        }
        row = rows.get(next++);
        return true;
    }

    @Override
    public ResultSetMetaData getMetaData() {
        return insert.columns();
    }

    @Override
    public void close() {
        rows = List.of();
    }

    private Object value(int column) {
        int index = insert.valueIndex(column);
        Object value = index < 0 ? null : row[index];
        wasNull = value == null;
        return value;
    }

    @Override
    public boolean wasNull() {
        return wasNull;
    }

    @Override
    public Object getObject(int column) {
        return value(column);
    }

    @Override
    public String getString(int column) {
        Object value = value(column);
        return value == null ? null : value.toString();
    }

    @Override
    public long getLong(int column) {
        Object value = value(column);
        return value == null ? 0 : ((Number) value).longValue();
    }

    @Override
    public int getInt(int column) {
        Object value = value(column);
        return value == null ? 0 : ((Number) value).intValue();
    }

    @Override
    public boolean getBoolean(int column) {
        return Boolean.TRUE.equals(value(column));
    }

    @Override
    public BigDecimal getBigDecimal(int column) {
        Object value = value(column);
        return value == null ? null : value instanceof BigDecimal d ? d : new BigDecimal(value.toString());
    }

    @Override
    public Timestamp getTimestamp(int column) {
        return (Timestamp) value(column);
    }

    @Override
    public Timestamp getTimestamp(int column, Calendar calendar) {
        return getTimestamp(column);
    }

    @Override
    public Date getDate(int column) {
        return (Date) value(column);
    }

    @Override
    public Date getDate(int column, Calendar calendar) {
        return getDate(column);
    }
}
