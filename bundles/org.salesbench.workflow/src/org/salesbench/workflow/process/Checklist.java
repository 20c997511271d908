package org.salesbench.workflow.process;

import java.util.List;
import java.util.Optional;

/**
 * An opportunity's checklist: its current step (empty when its stage is no step of a process) and the ticks of that
 * step's items.
 */
public record Checklist(long opportunityId, Optional<ProcessStep> step, List<ChecklistTick> ticks) {

    public Checklist {
        ticks = List.copyOf(ticks);
    }

    public Optional<ChecklistTick> tickOf(String itemKey) {
        return ticks.stream().filter(t -> t.getItemKey().equals(itemKey)).findFirst();
    }

    public boolean isTicked(String itemKey) {
        return tickOf(itemKey).isPresent();
    }

    /** The required items not yet ticked: what blocks a move out of the step. */
    public List<ChecklistItem> openRequired() {
        return step.map(s -> s.getItems().stream().filter(i -> i.isRequired() && !isTicked(i.getKey())).toList()).orElse(List.of());
    }
}
