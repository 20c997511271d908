package org.salesbench.workflow.process;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** The process board of a pipeline: one column per step. */
public record ProcessBoard(long pipelineId, List<StepFigures> steps) {

    public ProcessBoard {
        steps = List.copyOf(steps);
    }

    /**
     * The bottleneck: the step where records spend the longest (by p90, then average days), among steps with time
     * data; empty when no step has any.
     */
    public Optional<StepFigures> bottleneck() {
        return steps.stream().filter(s -> s.p90Days() != null)
                .max(Comparator.comparing(StepFigures::p90Days).thenComparing(s -> s.averageDays() == null ? 0 : s.averageDays()));
    }

    /**
     * One column of the board.
     *
     * @param records     records in the step now
     * @param overdue     of those, the ones in it longer than the step's SLA
     * @param averageDays average days spent in the step (stays that ended, and open records' stays so far); {@code null}
     *                    when there are none
     * @param p90Days     90th percentile of the same stays, to the hour; {@code null} when there are none
     */
    public record StepFigures(ProcessStep step, long records, long overdue, Double averageDays, Double p90Days) {
    }
}
