package org.salesbench.workflow.internal.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.salesbench.core.security.LocalSecurityService;
import org.salesbench.core.security.SecurityService;
import org.salesbench.opportunities.internal.OpportunityServiceImpl;
import org.salesbench.opportunities.internal.PipelineServiceImpl;
import org.salesbench.persistence.Database;
import org.salesbench.persistence.DatabaseSettings;
import org.salesbench.testing.PostgresSchema;
import org.salesbench.users.Role;
import org.salesbench.users.User;
import org.salesbench.users.internal.RoleSecurityService;
import org.salesbench.users.internal.UserServiceImpl;
import org.salesbench.workflow.process.ProcessBoard;
import org.salesbench.workflow.process.ProcessBoard.StepFigures;
import org.salesbench.workflow.process.StepRecord;

/**
 * The process board on a team server: a rep signed in as themself counts only the records the rep may read (row-level
 * security on the opportunities and their stage history), the schema's owner counts all. Runs where
 * {@code SALESBENCH_TEST_PG_URL} names a server; the schema is dropped afterwards.
 */
@Tag("postgres")
class PostgresProcessBoardTest {

    private static final String PASSWORD = "Process-Pass-2026";

    private PostgresSchema schema;
    private ProcessFixture f;

    @BeforeEach
    void open() {
        schema = PostgresSchema.create("process");
        f = new ProcessFixture(schema.settings());
        // the schema's owner signs in first: the team role gets the tables and the owner becomes an administrator
        SecurityService owner = new RoleSecurityService(f.db);
        UserServiceImpl users = new UserServiceImpl(f.db, owner);
        for (String login : List.of("li.wei", "zhao.lei")) {
            users.createUser(new User(login, login));
            users.setRoles(login, List.of(Role.SALES_REP));
            users.enableSignIn(login, PASSWORD.toCharArray());
        }
    }

    @AfterEach
    void close() {
        if (f != null) {
            f.close();
        }
        if (schema != null) {
            schema.closeWithTeamRoles();
        }
    }

    @Test
    void aRepsBoardCountsOnlyWhatTheRepMayRead() {
        long a = f.opportunity("A 李伟的商机", "li.wei").getId();
        f.opportunity("B 李伟的商机", "li.wei");
        long c = f.opportunity("C 赵磊的商机", "zhao.lei").getId();
        f.tickAll(a);
        f.tickAll(c);
        f.clock.advance(Duration.ofDays(3));
        f.opportunities.moveToStage(a, f.stage("Stage_needsAnalysis").getId());
        f.opportunities.moveToStage(c, f.stage("Stage_needsAnalysis").getId());
        f.clock.advance(Duration.ofDays(15));
        long pipelineId = f.newBusiness().getId();

        ProcessBoard all = f.process.board(pipelineId);
        assertEquals(1, figures(all, "Step_needsDiscovery").records());
        assertEquals(2, figures(all, "Step_evaluation").records());
        assertEquals(2, figures(all, "Step_evaluation").overdue());

        try (Database db = Database.open(new DatabaseSettings(schema.settings().url(), "li.wei", PASSWORD), new LocalSecurityService("li.wei"))) {
            LocalSecurityService security = new LocalSecurityService("li.wei");
            PipelineServiceImpl pipelines = new PipelineServiceImpl(db, security, f.publisher);
            OpportunityServiceImpl opportunities = new OpportunityServiceImpl(db, security, f.publisher, f.clock);
            ProcessServiceImpl process = new ProcessServiceImpl(db, security, f.publisher, pipelines, opportunities, f.clock);
            ProcessBoard mine = process.board(pipelineId);
            StepFigures discovery = figures(mine, "Step_needsDiscovery");
            StepFigures evaluation = figures(mine, "Step_evaluation");
            assertEquals(1, discovery.records());
            assertEquals(1, discovery.overdue(), "B: 18 days in a 14-day step");
            assertEquals(1, evaluation.records(), "zhao.lei's C is not li.wei's to see");
            assertEquals(1, evaluation.overdue());
            // the stays: A 3 days and B 18 days so far in Needs discovery; C's stay is not counted
            assertEquals(10.5, discovery.averageDays(), 1e-9);
            List<StepRecord> records = process.records(f.step("Step_evaluation").getId(), 10);
            assertEquals(List.of("A 李伟的商机"), records.stream().map(StepRecord::name).toList());
            assertTrue(records.get(0).overdue());
        }
    }

    private static StepFigures figures(ProcessBoard board, String nameKey) {
        return board.steps().stream().filter(s -> nameKey.equals(s.step().getNameKey())).findFirst().orElseThrow();
    }
}
