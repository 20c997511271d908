package org.salesbench.workflow.internal.process;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import org.eclipse.osgi.util.NLS;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.salesbench.opportunities.Opportunity;
import org.salesbench.opportunities.Stage;
import org.salesbench.opportunities.StageKind;
import org.salesbench.opportunities.StageRule;
import org.salesbench.persistence.UnitOfWork;
import org.salesbench.workflow.process.ChecklistItem;
import org.salesbench.workflow.process.ProcessService;
import org.salesbench.workflow.process.ProcessStep;

/**
 * The stage rule {@value ProcessService#STAGE_RULE}, like Zoho's Blueprint: an opportunity moves on to a later stage
 * (or is won) only once the required checklist items of the step it is in are ticked. Going back, or losing the deal,
 * is never held up by a checklist.
 */
@Component(service = StageRule.class)
public class ProcessStageRule implements StageRule {

    private final UnitOfWork unitOfWork;

    @Activate
    public ProcessStageRule(@Reference UnitOfWork unitOfWork) {
        this.unitOfWork = unitOfWork;
    }

    @Override
    public String id() {
        return ProcessService.STAGE_RULE;
    }

    @Override
    public String label() {
        return Messages.Rule_label;
    }

    @Override
    public Optional<String> refusal(Opportunity opportunity, Stage target) {
        Stage current = opportunity.getStage();
        if (opportunity.getId() == null || current == null) {
            return Optional.empty();
        }
        return refusal(current, target, opportunity.getId());
    }

    /** A new deal has nothing ticked: what holds it up is the required items of the step of the stage it was created on. */
    @Override
    public boolean judgesNewDeals() {
        return true;
    }

    @Override
    public Optional<String> refusalOfNewDeals(Stage created, Stage target) {
        return refusal(created, target, null);
    }

    /** Why a deal in {@code current} (with the ticks of deal {@code opportunityId}; none when null) may not enter {@code target}. */
    private Optional<String> refusal(Stage current, Stage target, Long opportunityId) {
        if (target.getKind() == StageKind.LOST || target.getPosition() <= current.getPosition()) {
            return Optional.empty();
        }
        return unitOfWork.read(em -> {
            List<ProcessStep> steps = em.createQuery("SELECT s FROM ProcessStep s WHERE s.stageId = :stage", ProcessStep.class)
                    .setParameter("stage", current.getId()).getResultList();
            if (steps.isEmpty()) {
                return Optional.<String>empty();
            }
            ProcessStep step = steps.get(0);
            List<String> ticked = opportunityId == null ? List.of()
                    : em.createQuery("SELECT t.itemKey FROM ChecklistTick t WHERE t.opportunityId = :o AND t.stepId = :s", String.class)
                            .setParameter("o", opportunityId).setParameter("s", step.getId()).getResultList();
            List<ChecklistItem> open = step.getItems().stream().filter(i -> i.isRequired() && !ticked.contains(i.getKey())).toList();
            if (open.isEmpty()) {
                return Optional.<String>empty();
            }
            String names = open.stream().map(ChecklistItem::getDisplayLabel).collect(Collectors.joining(", "));
            return Optional.of(NLS.bind(Messages.Rule_refusal, new Object[] {target.getLabel(), step.getLabel(), names}));
        });
    }
}
