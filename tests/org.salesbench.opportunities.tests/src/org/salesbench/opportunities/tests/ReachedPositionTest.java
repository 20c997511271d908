package org.salesbench.opportunities.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.salesbench.opportunities.tests.OpportunityFixture.stage;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.salesbench.core.model.Money;
import org.salesbench.core.time.Clocks;
import org.salesbench.customers.Customer;
import org.salesbench.opportunities.Opportunity;
import org.salesbench.opportunities.Pipeline;
import org.salesbench.opportunities.Stage;
import org.salesbench.opportunities.StageKind;

/**
 * SB_OPPORTUNITY.REACHED_POSITION, the furthest non-lost stage a deal has been in, which the funnel counts: kept by
 * the history trigger through moves, won, lost and reopen, and recomputed when a pipeline's stages are reordered.
 */
class ReachedPositionTest {

    private OpportunityFixture fx;

    /** The fixture the test runs on: an in-memory Derby database here. */
    OpportunityFixture fixture() {
        return new OpportunityFixture();
    }

    @BeforeEach
    void open() {
        fx = fixture();
    }

    @AfterEach
    void close() {
        if (fx != null) {
            fx.close();
        }
    }

    private Integer reached(long opportunityId) {
        return fx.db.read(em -> {
            Object value = em.createNativeQuery("SELECT REACHED_POSITION FROM SB_OPPORTUNITY WHERE ID = ?").setParameter(1, opportunityId)
                    .getSingleResult();
            return value == null ? null : ((Number) value).intValue();
        });
    }

    private long deal(Customer customer, Pipeline pipeline, String name) {
        Opportunity o = new Opportunity(customer, name, Money.cny("100000"));
        o.setPipeline(pipeline);
        o.setExpectedCloseDate(LocalDate.now(Clocks.system()).plusMonths(2));
        return fx.opportunities.create(o).getId();
    }

    private static Pipeline projects(String name) {
        Pipeline p = new Pipeline(name);
        p.addStage(new Stage("Discovery", 10, StageKind.OPEN));
        p.addStage(new Stage("Pilot", 40, StageKind.OPEN));
        p.addStage(new Stage("Proposal", 60, StageKind.OPEN));
        p.addStage(new Stage("Signed", 100, StageKind.WON));
        p.addStage(new Stage("Dropped", 0, StageKind.LOST));
        return p;
    }

    @Test
    void followsMovesWonLostReopenAndReordering() {
        Pipeline projects = fx.pipelines.create(projects("Projects"));
        Pipeline other = fx.pipelines.create(projects("Other projects"));
        long discovery = stage(projects, "Discovery").getId();
        long pilot = stage(projects, "Pilot").getId();
        long proposal = stage(projects, "Proposal").getId();
        Customer customer = fx.customer("上海启明软件有限公司");

        long moved = deal(customer, projects, "moved forward and back");
        assertEquals(0, reached(moved), "created in the first stage");
        fx.opportunities.moveToStage(moved, proposal);
        assertEquals(2, reached(moved), "a skipped stage is passed");
        fx.opportunities.moveToStage(moved, pilot);
        assertEquals(2, reached(moved), "a move back keeps what was reached");
        fx.opportunities.markLost(moved, "价格", LocalDate.now(Clocks.system()));
        assertEquals(2, reached(moved), "the lost stage, last in the list, does not count");
        fx.opportunities.moveToStage(moved, discovery);
        assertEquals(2, reached(moved), "reopened in an earlier stage");

        long won = deal(customer, projects, "won");
        fx.opportunities.markWon(won, LocalDate.now(Clocks.system()));
        assertEquals(3, reached(won));
        long lostAtOnce = deal(customer, projects, "lost at once");
        fx.opportunities.markLost(lostAtOnce, "预算", LocalDate.now(Clocks.system()));
        assertEquals(0, reached(lostAtOnce));
        long proposed = deal(customer, projects, "discovery then proposal");
        fx.opportunities.moveToStage(proposed, proposal);
        long elsewhere = deal(customer, other, "another pipeline");
        fx.opportunities.moveToStage(elsewhere, stage(other, "Proposal").getId());
        assertEquals(2, reached(elsewhere));

        // Proposal moves to the front: Proposal 0, Discovery 1, Pilot 2, Signed 3, Dropped 4
        Pipeline edit = fx.pipelines.find(projects.getId()).orElseThrow();
        List<Stage> stages = new ArrayList<>(edit.getStages());
        stages.add(0, stages.remove(2));
        edit.setStages(stages);
        fx.pipelines.update(edit);
        assertEquals(2, reached(moved), "Discovery, Proposal, Pilot, Dropped, Discovery: Pilot is now furthest");
        assertEquals(3, reached(won));
        assertEquals(1, reached(lostAtOnce), "Discovery now stands at 1");
        assertEquals(1, reached(proposed), "was at Proposal (2), which now stands first; Discovery (1) is furthest");
        assertEquals(2, reached(elsewhere), "another pipeline's deals are left alone");

        // the trigger goes on from the new positions
        fx.opportunities.moveToStage(proposed, pilot);
        assertEquals(2, reached(proposed));

        // a stage that becomes a lost one no longer counts as reached
        fx.opportunities.moveToStage(proposed, discovery);
        Pipeline relabel = fx.pipelines.find(projects.getId()).orElseThrow();
        stage(relabel, "Pilot").setKind(StageKind.LOST);
        fx.pipelines.update(relabel);
        assertEquals(1, reached(proposed));
        assertEquals(1, reached(moved));
    }
}
