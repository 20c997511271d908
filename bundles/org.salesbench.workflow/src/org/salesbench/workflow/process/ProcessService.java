package org.salesbench.workflow.process;

import java.util.List;

/**
 * The standard process of each pipeline (lead screening → needs discovery → opportunity evaluation and assignment →
 * proposal and quote → contract and payment → after-sales and repeat business): its steps with their checklists, the
 * ticks of each opportunity, and the process board. Editing a process is a power user's work (UPDATE on
 * {@value ProcessStep#ENTITY}); ticking needs UPDATE on the opportunity; reading follows the opportunity's read rights.
 */
public interface ProcessService {

    /**
     * The id of the {@code org.salesbench.opportunities.StageRule} this module provides: a move of an opportunity to a
     * later stage is refused while a required checklist item of its current step is not ticked. Saving a process names
     * it on every stage of the pipeline.
     */
    String STAGE_RULE = "process";

    /** The steps of the pipeline's process in order, with their checklists; empty when the pipeline has none. */
    List<ProcessStep> steps(long pipelineId);

    /**
     * Replaces the pipeline's process with {@code steps} (list order is the order) after checking them: a name, at most
     * one step per stage and each stage of this pipeline, SLA days not negative, a known owner role, checklist items
     * with a label and distinct keys. Items without a key get one. Ticks of removed items go with them.
     *
     * @throws org.salesbench.core.validation.ValidationException naming each problem, nothing saved
     */
    List<ProcessStep> save(long pipelineId, List<ProcessStep> steps);

    /** The problems {@link #save} would refuse, in the user's language; empty when the steps may be saved. */
    List<String> problems(long pipelineId, List<ProcessStep> steps);

    /** The opportunity's current step with what is ticked; a checklist without a step when its stage has none. */
    Checklist checklist(long opportunityId);

    /** Ticks ({@code ticked}) or unticks an item of the opportunity's current step. */
    Checklist tick(long opportunityId, String itemKey, boolean ticked);

    /** Per step of the pipeline's process: records in it, overdue ones, average and p90 days spent there. */
    ProcessBoard board(long pipelineId);

    /** The records in a step, overdue first, then the longest in it first; at most {@code limit}. */
    List<StepRecord> records(long stepId, int limit);
}
