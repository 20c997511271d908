/**
 * The standard process of each pipeline: {@link org.salesbench.workflow.process.ProcessStep steps} with checklists,
 * owner roles and SLAs, the {@link org.salesbench.workflow.process.ChecklistTick ticks} of each opportunity, stage
 * gating by required items and the process board ({@link org.salesbench.workflow.process.ProcessService}).
 */
package org.salesbench.workflow.process;
