/**
 * KPIs: what a person's (or a team's) performance is measured by. A KPI is contributed to the extension point
 * {@code org.salesbench.performance.kpis} (schema {@code schema/kpis.exsd}) with a class implementing {@link Kpi}; the
 * module contributes revenue attainment, collected revenue, new customers, activities by type, follow-up timeliness,
 * opportunity hygiene and teamwork. {@link KpiService} lists them and computes a value for logins and a {@link Period}.
 */
package org.salesbench.performance.kpi;
