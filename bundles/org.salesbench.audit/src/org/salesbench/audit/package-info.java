/**
 * The audit trail API: {@link org.salesbench.audit.AuditTrail} reads the history of records and searches it;
 * modules declare their audited tables under the {@code org.salesbench.audit.auditedTables} extension point. The
 * table {@code SB_AUDIT_EVENT} is stable for reporting (read only).
 */
package org.salesbench.audit;
