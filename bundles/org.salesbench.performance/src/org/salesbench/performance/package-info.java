/**
 * The performance module's API: sales targets and their breakdown, attainment, KPIs and scorecards,
 * commission plans and statements. Headless: it runs in the workbench, the CLI and tests alike.
 */
package org.salesbench.performance;
