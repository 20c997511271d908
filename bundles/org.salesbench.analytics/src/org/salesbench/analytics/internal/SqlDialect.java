package org.salesbench.analytics.internal;

import org.salesbench.persistence.DatabaseSettings;

/**
 * The few SQL pieces Derby and PostgreSQL spell differently. Everything else the reports write is
 * plain SQL both understand.
 */
public enum SqlDialect {
    /**
     * Derby has no date subtraction: the JDBC escape TIMESTAMPDIFF counts between timestamps, in the JVM's time zone.
     * Whole days would come out one short across the spring daylight-saving change (a 23-hour day), so the hours are
     * counted and rounded to days.
     */
    DERBY {
        @Override
        String daysBetween(String from, String to) {
            return "(({fn TIMESTAMPDIFF(SQL_TSI_HOUR, CAST(" + from + " AS TIMESTAMP), CAST(" + to + " AS TIMESTAMP))} + 12) / 24)";
        }

        @Override
        String monthKey(String date) {
            return "(YEAR(" + date + ") * 100 + MONTH(" + date + "))";
        }
    },
    /** PostgreSQL: DATE - DATE is a number of days */
    POSTGRESQL {
        @Override
        String daysBetween(String from, String to) {
            return "(" + to + " - " + from + ")";
        }

        @Override
        String monthKey(String date) {
            return "(CAST(EXTRACT(YEAR FROM " + date + ") AS INT) * 100 + CAST(EXTRACT(MONTH FROM " + date + ") AS INT))";
        }
    };

    /** Whole days from the date {@code from} to the date {@code to}. */
    abstract String daysBetween(String from, String to);

    /** The date's month as a number yyyymm. */
    abstract String monthKey(String date);

    static SqlDialect of(DatabaseSettings settings) {
        return settings.dialect() == DatabaseSettings.Dialect.POSTGRESQL ? POSTGRESQL : DERBY;
    }
}
