package org.salesbench.opportunities.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.salesbench.opportunities.tests.OpportunityFixture.stage;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.salesbench.core.events.EventTopics.Change;
import org.salesbench.core.model.Money;
import org.salesbench.core.time.Clocks;
import org.salesbench.core.validation.ValidationException;
import org.salesbench.customers.Customer;
import org.salesbench.opportunities.Opportunity;
import org.salesbench.opportunities.Pipeline;
import org.salesbench.opportunities.Stage;
import org.salesbench.opportunities.StageKind;

class PipelineServiceTest {

    private final OpportunityFixture fx = new OpportunityFixture();

    @AfterEach
    void close() {
        fx.close();
    }

    private static Pipeline enterprise() {
        Pipeline p = new Pipeline("Enterprise");
        p.addStage(new Stage("Discovery", 10, StageKind.OPEN));
        p.addStage(new Stage("Pilot", 40, StageKind.OPEN));
        p.addStage(new Stage("Signed", 100, StageKind.WON));
        p.addStage(new Stage("Dropped", 0, StageKind.LOST));
        return p;
    }

    @Test
    void pipelinesAreEditedWhileRunningAndTakeEffectAtOnce() {
        Pipeline created = fx.pipelines.create(enterprise());
        assertEquals(List.of("New business", "Renewal", "Channel", "Enterprise"), fx.pipelines.pipelines(true).stream().map(Pipeline::getLabel).toList());
        assertTrue(fx.events.contains(new OpportunityFixture.Posted(Pipeline.ENTITY, Change.CREATED, created.getId())));

        Customer customer = fx.customer("北京宏图医疗器械有限公司");
        Opportunity o = new Opportunity(customer, "影像系统", Money.cny("500000"));
        o.setPipeline(created);
        o = fx.opportunities.create(o);
        assertEquals("Discovery", o.getStage().getLabel());

        // insert a stage before Pilot, raise Pilot's probability, add a rule, rename the pipeline
        Pipeline edit = fx.pipelines.find(created.getId()).orElseThrow();
        edit.setName("Enterprise deals");
        List<Stage> stages = new ArrayList<>(edit.getStages());
        Stage workshop = new Stage("Workshop", 25, StageKind.OPEN);
        workshop.getRequiredRules().add("nextStep");
        stages.add(1, workshop);
        stages.get(2).setProbability(45);
        edit.setStages(stages);
        fx.pipelines.update(edit);

        Pipeline read = fx.pipelines.find(created.getId()).orElseThrow();
        assertEquals("Enterprise deals", read.getLabel());
        assertEquals(List.of("Discovery", "Workshop", "Pilot", "Signed", "Dropped"), read.getStages().stream().map(Stage::getLabel).toList());
        assertEquals(List.of(0, 1, 2, 3, 4), read.getStages().stream().map(Stage::getPosition).toList());
        long workshopId = stage(read, "Workshop").getId();
        long oid = o.getId();
        ValidationException noNextStep = assertThrows(ValidationException.class, () -> fx.opportunities.moveToStage(oid, workshopId));
        assertTrue(noNextStep.errorOf("stageId").message().contains("next step"));
        Opportunity withStep = fx.opportunities.find(oid).orElseThrow();
        withStep.setNextStep("约客户做需求研讨会");
        fx.opportunities.update(withStep);
        fx.opportunities.moveToStage(oid, workshopId);
        assertEquals(45, fx.opportunities.moveToStage(oid, stage(read, "Pilot").getId()).getProbability(), "the edited default applies at once");

        // stages that deals are in or have been in cannot be removed; an unused one can
        Pipeline removeUsed = fx.pipelines.find(created.getId()).orElseThrow();
        removeUsed.getStages().removeIf(s -> s.getLabel().equals("Discovery"));
        ValidationException inUse = assertThrows(ValidationException.class, () -> fx.pipelines.update(removeUsed));
        assertTrue(inUse.errorOf("stages").message().contains("Discovery"), inUse.getMessage());
        Pipeline removeUnused = fx.pipelines.find(created.getId()).orElseThrow();
        removeUnused.getStages().add(2, new Stage("Unused", 30, StageKind.OPEN));
        removeUnused.setStages(removeUnused.getStages());
        Pipeline withUnused = fx.pipelines.update(removeUnused);
        withUnused.getStages().removeIf(s -> s.getLabel().equals("Unused"));
        assertEquals(5, fx.pipelines.update(withUnused).getStages().size());

        ValidationException hasDeals = assertThrows(ValidationException.class, () -> fx.pipelines.delete(created.getId()));
        assertTrue(hasDeals.errorOf("id").message().contains("1"), hasDeals.getMessage());
        fx.opportunities.delete(oid);
        assertThrows(ValidationException.class, () -> fx.pipelines.delete(created.getId()), "a deal in the recycle bin still holds its pipeline");
        fx.opportunities.purge(oid);
        fx.pipelines.delete(created.getId());
        assertTrue(fx.pipelines.find(created.getId()).isEmpty());
        assertEquals(0, fx.count("SELECT COUNT(*) FROM SB_STAGE_RULE WHERE RULE_ID = 'nextStep' AND STAGE_ID = " + workshopId));
    }

    @Test
    void renamingAShippedPipelineOrStageKeepsTheUsersWords() {
        Pipeline renewal = fx.pipeline("Renewal");
        assertNotNull(renewal.getNameKey());
        stage(renewal, "Churned").setName("Not renewed");
        renewal.setName("Renewals 2027");
        fx.pipelines.update(renewal);
        Pipeline read = fx.pipelines.find(renewal.getId()).orElseThrow();
        assertNull(read.getNameKey());
        assertEquals("Renewals 2027", read.getLabel());
        assertEquals("Not renewed", read.getStages().get(4).getLabel());
        assertEquals("Renewed", read.getStages().get(3).getLabel(), "untouched stages stay translated");
        assertNotNull(read.getStages().get(3).getNameKey());
    }

    @Test
    void badPipelinesAreRefusedNamingTheField() {
        Pipeline empty = new Pipeline(" ");
        ValidationException e = assertThrows(ValidationException.class, () -> fx.pipelines.create(empty));
        assertEquals("Pipeline name is required", e.errorOf("name").message());
        assertEquals("Stages is required", e.errorOf("stages").message());

        Pipeline bad = new Pipeline("Bad");
        bad.addStage(new Stage("Open", 150, StageKind.OPEN));
        bad.addStage(new Stage("open", 10, StageKind.OPEN));
        bad.addStage(new Stage("", 10, StageKind.WON));
        ValidationException many = assertThrows(ValidationException.class, () -> fx.pipelines.create(bad));
        assertEquals("Default probability must be between 0 and 100, not 150", many.errorOf("stages[0].probability").message());
        assertTrue(many.errorOf("stages[1].name").message().contains("appears twice"));
        assertEquals("Stage name is required", many.errorOf("stages[2].name").message());
        assertEquals("Stages: a pipeline needs a won stage and a lost stage", many.errorOf("stages").message());
        assertEquals(3, fx.count("SELECT COUNT(*) FROM SB_PIPELINE"));

        Customer c = fx.customer("某公司");
        Opportunity o = fx.opportunity(c, "x", "1", LocalDate.now(Clocks.system()));
        o.setStage(stage(fx.newBusiness(), "Closed won"));
        ValidationException closed = assertThrows(ValidationException.class, () -> fx.opportunities.create(o));
        assertNotNull(closed.errorOf("stage"));
    }
}
