package org.salesbench.workflow.internal.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.salesbench.core.validation.FieldError;
import org.salesbench.core.validation.ValidationException;
import org.salesbench.opportunities.Opportunity;
import org.salesbench.opportunities.Pipeline;
import org.salesbench.opportunities.Stage;
import org.salesbench.opportunities.internal.OpportunityServiceImpl;
import org.salesbench.opportunities.internal.PipelineServiceImpl;
import org.salesbench.persistence.Database;
import org.salesbench.workflow.process.ChecklistItem;
import org.salesbench.workflow.process.ProcessBoard;
import org.salesbench.workflow.process.ProcessBoard.StepFigures;
import org.salesbench.workflow.process.ProcessService;
import org.salesbench.workflow.process.ProcessStep;
import org.salesbench.workflow.process.StepRecord;

/** The standard process on Derby: shipped steps, gating by required checklist items, the board's figures, edit checks. */
class ProcessTest {

    private final ProcessFixture f = new ProcessFixture();

    @AfterEach
    void close() {
        f.close();
    }

    private static String messages(ValidationException e) {
        return String.join("\n", e.getErrors().stream().map(FieldError::message).toList());
    }

    @Test
    void eachShippedPipelineHasTheStandardProcessAndItsStagesNameTheProcessRule() {
        List<ProcessStep> steps = f.process.steps(f.newBusiness().getId());
        assertEquals(List.of("Lead screening", "Needs discovery", "Opportunity evaluation and assignment", "Proposal and quote",
                "Contract and payment", "After-sales and repeat business"), steps.stream().map(ProcessStep::getLabel).toList());
        assertTrue(steps.get(0).isLeadStep());
        assertEquals(f.stage("Stage_qualification").getId(), steps.get(1).getStageId());
        assertEquals(14, steps.get(1).getSlaDays());
        assertEquals("sales_rep", steps.get(1).getOwnerRole());
        for (Pipeline p : f.pipelines.pipelines(false)) {
            assertFalse(f.process.steps(p.getId()).isEmpty(), p.getLabel());
            for (Stage s : p.getStages()) {
                assertTrue(s.getRequiredRules().contains(ProcessService.STAGE_RULE), s.getLabel());
            }
        }
    }

    /**
     * The command line applies the gating at every start, before its first command: once the rule is named, a start only checks
     * that by two JDBC queries and leaves the persistence unit undeployed (an export after a crash need not wait for JPA); a
     * stage that lost the rule gets it back at the next start.
     */
    @Test
    void aStartAfterTheRuleIsNamedDeploysNoPersistenceUnitAndAStageThatLostItGetsItBack() {
        try (Database next = Database.open(f.db.settings(), f.security)) {
            PipelineServiceImpl pipelines = new PipelineServiceImpl(next, f.security, f.publisher);
            ProcessServiceImpl process = new ProcessServiceImpl(next, f.security, f.publisher, pipelines,
                    new OpportunityServiceImpl(next, f.security, f.publisher, f.clock), f.clock);
            assertEquals(java.util.Set.of(), pipelines.pipelinesWithAStageLacking(ProcessService.STAGE_RULE));
            process.applyGatingWherePermitted();
            assertFalse(next.isUnitDeployed(), "the start deployed JPA although every stage names the rule");

            Pipeline pipeline = f.newBusiness();
            Stage lost = pipeline.getStages().get(1);
            lost.getRequiredRules().remove(ProcessService.STAGE_RULE);
            f.pipelines.update(pipeline);
            assertEquals(java.util.Set.of(pipeline.getId()), pipelines.pipelinesWithAStageLacking(ProcessService.STAGE_RULE));
            process.applyGatingWherePermitted();
            assertEquals(java.util.Set.of(), pipelines.pipelinesWithAStageLacking(ProcessService.STAGE_RULE));
            assertEquals(1L, ((Number) next.rows("SELECT COUNT(*) FROM SB_STAGE_RULE WHERE STAGE_ID = ? AND RULE_ID = ?",
                    List.of(lost.getId(), ProcessService.STAGE_RULE), 0, -1).get(0)[0]).longValue());
        }
    }

    /** What a power user does in Preferences › Process: needs discovery's budget and decision-maker items gate. */
    private void requireBudgetAndDecisionMaker() {
        long pipelineId = f.newBusiness().getId();
        List<ProcessStep> steps = f.process.steps(pipelineId);
        steps.get(1).getItems().stream().filter(i -> List.of("budget-confirmed", "decision-maker-met").contains(i.getKey()))
                .forEach(i -> i.setRequired(true));
        f.process.save(pipelineId, steps);
    }

    @Test
    void shippedChecklistsGateNothingUntilAnItemIsMadeRequired() {
        Opportunity o = f.opportunity("年度设备采购", "tester");
        assertTrue(f.process.steps(f.newBusiness().getId()).stream().flatMap(s -> s.getItems().stream()).noneMatch(ChecklistItem::isRequired));
        long needsAnalysis = f.stage("Stage_needsAnalysis").getId();
        assertEquals(needsAnalysis, f.opportunities.moveToStage(o.getId(), needsAnalysis).getStage().getId());
    }

    @Test
    void aMoveOnIsRefusedNamingTheOpenRequiredItemsUntilTheyAreTicked() {
        requireBudgetAndDecisionMaker();
        Opportunity o = f.opportunity("年度设备采购", "tester");
        long needsAnalysis = f.stage("Stage_needsAnalysis").getId();

        ValidationException refused = assertThrows(ValidationException.class, () -> f.opportunities.moveToStage(o.getId(), needsAnalysis));
        String message = messages(refused);
        assertTrue(message.contains("Budget confirmed") && message.contains("Decision maker met"), message);
        assertFalse(message.contains("Pain points recorded"), "an optional item does not gate: " + message);
        assertEquals(List.of(message), f.opportunities.refusals(o.getId(), needsAnalysis));

        f.process.tick(o.getId(), "budget-confirmed", true);
        String stillRefused = messages(assertThrows(ValidationException.class, () -> f.opportunities.moveToStage(o.getId(), needsAnalysis)));
        assertFalse(stillRefused.contains("Budget confirmed"), stillRefused);
        assertTrue(stillRefused.contains("Decision maker met"), stillRefused);

        f.process.tick(o.getId(), "decision-maker-met", true);
        assertEquals(needsAnalysis, f.opportunities.moveToStage(o.getId(), needsAnalysis).getStage().getId());

        // going back and losing the deal are never held up by a checklist
        assertEquals(f.stage("Stage_qualification").getId(),
                f.opportunities.moveToStage(o.getId(), f.stage("Stage_qualification").getId()).getStage().getId());
        assertTrue(f.process.checklist(o.getId()).isTicked("budget-confirmed"), "ticks stay with the step");
        f.opportunities.moveToStage(o.getId(), needsAnalysis);
        assertTrue(f.opportunities.refusals(o.getId(), f.stage("Stage_closedLost").getId()).stream().noneMatch(m -> m.contains("Deal qualified")));
    }

    /**
     * An import that writes new deals itself (the opportunities' bulk load, which closes historical deals at once) asks
     * the rule once per pair of stages: a new deal has nothing ticked, so the answer is the stored move's.
     */
    @Test
    void aNewDealIsJudgedWithoutBeingStoredAsItsMoveWouldBe() {
        ProcessStageRule rule = new ProcessStageRule(f.db);
        Stage qualification = f.stage("Stage_qualification");
        List<Stage> targets = List.of(f.stage("Stage_needsAnalysis"), f.stage("Stage_closedWon"), f.stage("Stage_closedLost"), qualification);
        assertTrue(rule.judgesNewDeals());
        assertEquals(java.util.Optional.empty(), rule.refusalOfNewDeals(qualification, f.stage("Stage_closedWon")), "shipped checklists gate nothing");
        requireBudgetAndDecisionMaker();
        Opportunity stored = f.opportunity("年度设备采购", "tester");
        assertEquals(qualification.getId(), stored.getStage().getId());
        for (Stage target : targets) {
            assertEquals(rule.refusal(stored, target), rule.refusalOfNewDeals(qualification, target), target.getLabel());
        }
        assertTrue(rule.refusalOfNewDeals(qualification, f.stage("Stage_closedWon")).orElseThrow().contains("Budget confirmed"));
        assertTrue(rule.refusalOfNewDeals(qualification, f.stage("Stage_closedLost")).isEmpty(), "losing a deal is never held up");
    }

    @Test
    void aTickRemembersWhoAndWhenAndAnUnknownItemIsRefused() {
        requireBudgetAndDecisionMaker();
        Opportunity o = f.opportunity("年度设备采购", "tester");
        var checklist = f.process.tick(o.getId(), "budget-confirmed", true);
        assertEquals("tester", checklist.tickOf("budget-confirmed").orElseThrow().getTickedBy());
        assertEquals(f.clock.instant(), checklist.tickOf("budget-confirmed").orElseThrow().getTickedAt());
        assertEquals(1, checklist.openRequired().size());
        assertFalse(f.process.tick(o.getId(), "budget-confirmed", false).isTicked("budget-confirmed"));
        String message = messages(assertThrows(ValidationException.class, () -> f.process.tick(o.getId(), "no-such-item", true)));
        assertTrue(message.contains("no-such-item") && message.contains("Needs discovery"), message);
    }

    /**
     * A, B and C enter Qualification (Needs discovery, SLA 14 days) at T0; A moves on at T0+2d, B at T0+6d; now is
     * T0+20d. Needs discovery: C in it, overdue (20 > 14); stays 48 h, 144 h, 480 h: average 9.33 d, p90 20 d. Needs
     * analysis (evaluation, SLA 7 days): A (18 d) and B (14 d), both overdue; average 16 d, p90 18 d.
     */
    @Test
    void theBoardCountsRecordsOverdueOnesAndTimeSpentPerStep() {
        Opportunity a = f.opportunity("A", "tester");
        Opportunity b = f.opportunity("B", "tester");
        Opportunity c = f.opportunity("C", "tester");
        long needsAnalysis = f.stage("Stage_needsAnalysis").getId();
        f.tickAll(a.getId());
        f.tickAll(b.getId());
        f.clock.advance(Duration.ofDays(2));
        f.opportunities.moveToStage(a.getId(), needsAnalysis);
        f.clock.advance(Duration.ofDays(4));
        f.opportunities.moveToStage(b.getId(), needsAnalysis);
        f.clock.advance(Duration.ofDays(14));

        ProcessBoard board = f.process.board(f.newBusiness().getId());
        StepFigures discovery = figures(board, "Step_needsDiscovery");
        assertEquals(1, discovery.records());
        assertEquals(1, discovery.overdue());
        assertEquals(672.0 / 3 / 24, discovery.averageDays(), 1e-9);
        assertEquals(20.0, discovery.p90Days(), 1e-9);
        StepFigures evaluation = figures(board, "Step_evaluation");
        assertEquals(2, evaluation.records());
        assertEquals(2, evaluation.overdue());
        assertEquals(16.0, evaluation.averageDays(), 1e-9);
        assertEquals(18.0, evaluation.p90Days(), 1e-9);
        StepFigures proposal = figures(board, "Step_proposal");
        assertEquals(0, proposal.records());
        assertEquals(null, proposal.p90Days());
        assertEquals("Step_needsDiscovery", board.bottleneck().orElseThrow().step().getNameKey());

        List<StepRecord> inEvaluation = f.process.records(f.step("Step_evaluation").getId(), 10);
        assertEquals(List.of("A", "B"), inEvaluation.stream().map(StepRecord::name).toList());
        assertTrue(inEvaluation.stream().allMatch(StepRecord::overdue));
        assertEquals(18.0, inEvaluation.get(0).days(), 1e-9);
    }

    @Test
    void aRecordIsOverdueOnlyOnceItHasBeenInTheStepLongerThanItsSla() {
        Opportunity o = f.opportunity("A", "tester");
        f.clock.advance(Duration.ofDays(14));
        assertEquals(0, figures(f.process.board(f.newBusiness().getId()), "Step_needsDiscovery").overdue());
        assertFalse(f.process.records(f.step("Step_needsDiscovery").getId(), 10).get(0).overdue());
        f.clock.advance(Duration.ofMinutes(1));
        assertEquals(1, figures(f.process.board(f.newBusiness().getId()), "Step_needsDiscovery").overdue());
        assertTrue(f.process.records(f.step("Step_needsDiscovery").getId(), 10).get(0).overdue());
        assertEquals(o.getId(), f.process.records(f.step("Step_needsDiscovery").getId(), 10).get(0).opportunityId());
    }

    @Test
    void aBadProcessIsRefusedAtSaveNamingEachProblemAndNothingIsSaved() {
        long pipelineId = f.newBusiness().getId();
        List<ProcessStep> before = f.process.steps(pipelineId);
        List<ProcessStep> steps = f.process.steps(pipelineId);
        steps.get(2).setStageId(steps.get(1).getStageId());
        steps.get(3).setSlaDays(-2);
        steps.get(4).getItems().add(new ChecklistItem(null, "  ", true));
        steps.get(5).setName("");
        Pipeline renewal = f.pipelines.pipelines(false).stream().filter(p -> "Pipeline_renewal".equals(p.getNameKey())).findFirst().orElseThrow();
        ProcessStep foreign = new ProcessStep("Renewal step", renewal.getStages().get(0).getId(), null, 3);
        steps.add(foreign);

        String message = messages(assertThrows(ValidationException.class, () -> f.process.save(pipelineId, steps)));
        assertTrue(message.contains("\"Needs discovery\" and \"Opportunity evaluation and assignment\" are both the stage \"Qualification\""), message);
        assertTrue(message.contains("\"Proposal and quote\": the SLA is -2 days"), message);
        assertTrue(message.contains("Step \"Contract and payment\", checklist item 4: a label is needed"), message);
        assertTrue(message.contains("Step 6: a name is needed"), message);
        assertTrue(message.contains("\"Renewal step\": stage " + renewal.getStages().get(0).getId() + " is no stage of the pipeline \"New business\""), message);
        assertEquals(before.stream().map(ProcessStep::getStageId).toList(), f.process.steps(pipelineId).stream().map(ProcessStep::getStageId).toList());
    }

    @Test
    void anEditedChecklistGatesWithItsNewRequiredItemAndDropsTicksOfRemovedItems() {
        requireBudgetAndDecisionMaker();
        Opportunity o = f.opportunity("A", "tester");
        f.tickAll(o.getId());
        long pipelineId = f.newBusiness().getId();
        List<ProcessStep> steps = f.process.steps(pipelineId);
        ProcessStep discovery = steps.get(1);
        discovery.getItems().removeIf(i -> i.getKey().equals("pain-points-recorded"));
        discovery.getItems().add(new ChecklistItem(null, "Site visit done", true));
        discovery.setSlaDays(10);
        f.process.save(pipelineId, steps);

        ProcessStep saved = f.step("Step_needsDiscovery");
        assertEquals("Needs discovery", saved.getLabel(), "a shipped step keeps its translated name");
        assertEquals(10, saved.getSlaDays());
        assertEquals(List.of("budget-confirmed", "decision-maker-met", "site-visit-done"), saved.getItems().stream().map(ChecklistItem::getKey).toList());
        assertFalse(f.process.checklist(o.getId()).isTicked("pain-points-recorded"));
        String message = messages(assertThrows(ValidationException.class,
                () -> f.opportunities.moveToStage(o.getId(), f.stage("Stage_needsAnalysis").getId())));
        assertTrue(message.contains("Site visit done"), message);
        f.process.tick(o.getId(), "site-visit-done", true);
        f.opportunities.moveToStage(o.getId(), f.stage("Stage_needsAnalysis").getId());
    }

    private static StepFigures figures(ProcessBoard board, String nameKey) {
        return board.steps().stream().filter(s -> nameKey.equals(s.step().getNameKey())).findFirst().orElseThrow();
    }
}
