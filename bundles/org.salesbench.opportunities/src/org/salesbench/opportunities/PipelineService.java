package org.salesbench.opportunities;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Pipelines and their stages, editable while the application runs: a change is in effect for the
 * next call of any service, no restart. Posts {@code org/salesbench/pipeline/*} events after commit.
 */
public interface PipelineService {

    /** The pipelines in order, each with its stages loaded; only active ones if {@code activeOnly}. */
    List<Pipeline> pipelines(boolean activeOnly);

    Optional<Pipeline> find(long id);

    /**
     * The ids of the pipelines with a stage that does not require the stage rule {@code ruleId}. Read with one query, on
     * plain JDBC while nothing has deployed the persistence unit: how a start asks whether a module's rule is named on
     * every stage it should be without paying for JPA when it is.
     */
    Set<Long> pipelinesWithAStageLacking(String ruleId);

    /** The stage with its pipeline. */
    Optional<Stage> findStage(long stageId);

    /** Creates a pipeline with its stages (at least one open, one won and one lost stage). */
    Pipeline create(Pipeline pipeline);

    /**
     * Saves a pipeline read earlier: renamed, stages added, reordered (list order is the order),
     * changed or removed. A stage that opportunities are in or have been in cannot be removed.
     */
    Pipeline update(Pipeline pipeline);

    /** Deletes a pipeline without opportunities; one with opportunities can only be deactivated. */
    void delete(long id);

    void validate(Pipeline pipeline);
}
