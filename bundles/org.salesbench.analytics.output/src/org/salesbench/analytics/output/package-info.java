/**
 * Pictures and files of report results: {@link org.salesbench.analytics.output.ReportCharts} draws a result as a
 * chart (JFreeChart on Java2D, headless), and the {@link org.salesbench.analytics.ReportExporter} service of this
 * bundle writes it as CSV, XLSX or PDF. The analytics model bundle holds the queries; this one the rendering.
 */
package org.salesbench.analytics.output;
