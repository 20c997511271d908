package org.salesbench.workflow.ui.internal.process;

import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.salesbench.opportunities.Pipeline;
import org.salesbench.opportunities.PipelineService;
import org.salesbench.ui.Services;
import org.salesbench.ui.testing.UiTesting;
import org.salesbench.workflow.process.ProcessService;

/**
 * The shipped processes' stage rules are named by the process gating in the background once the workbench has
 * started (no longer on the user interface thread while it starts): they must still be named, on every stage.
 */
class GatingAfterStartUiTest {

    @Test
    void everyStageOfTheShippedPipelinesIsGatedByItsProcessAfterTheWorkbenchStarted() {
        PipelineService pipelines = Services.get(PipelineService.class);
        Services.get(ProcessService.class);
        UiTesting.waitUntil("every stage carries the process's rule", () -> {
            // the shipped ones: a pipeline another test makes meanwhile is gated on its first process save, or the next start
            List<Pipeline> all = pipelines.pipelines(false).stream().filter(p -> p.getNameKey() != null).toList();
            return !all.isEmpty() && all.stream().allMatch(p -> p.getStages().stream()
                    .allMatch(s -> s.getRequiredRules().contains(ProcessService.STAGE_RULE)));
        }, 30_000);
        assertFalse(pipelines.pipelines(false).stream().noneMatch(p -> "Pipeline_newBusiness".equals(p.getNameKey())));
    }
}
