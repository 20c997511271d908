package org.salesbench.analytics;

/** The file formats a report exports to. */
public enum ReportFormat {
    CSV, XLSX,
    /** with the report's chart */
    PDF
}
