package org.salesbench.analytics.output.tests;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.salesbench.analytics.ReportFilter;
import org.salesbench.analytics.ReportResult;
import org.salesbench.analytics.output.internal.ReportExporterImpl;
import org.salesbench.core.security.FieldAccess;
import org.salesbench.core.security.LocalSecurityService;
import org.salesbench.persistence.Database;
import org.salesbench.persistence.DatabaseSettings;
import org.salesbench.testing.PostgresSchema;
import org.salesbench.users.Role;
import org.salesbench.users.User;
import org.salesbench.users.internal.RoleSecurityService;
import org.salesbench.users.internal.UserServiceImpl;

/**
 * A report file's filter line names the report's pipeline, read from the database: on a team server through the
 * pipeline's masking view. Once a role hides a pipeline's name its column is locked on the table for the whole team,
 * so reading the table was refused for everyone (the export failed); now a user whose roles hide the name sees the
 * pipeline's id in the line, and one whose roles show it sees the name.
 */
@Tag("postgres")
class PostgresReportFilterLineTest {

    private static final String PASSWORD = "Filter-Line-2026";

    @Test
    void thePipelinesNameIsReadThroughItsMaskingView() throws Exception {
        PostgresSchema schema = PostgresSchema.create("filterline");
        try (Database db = Database.open(schema.settings(), new LocalSecurityService("tester"))) {
            RoleSecurityService owner = new RoleSecurityService(db); // the owner signs in: grants and masking views
            UserServiceImpl users = new UserServiceImpl(db, owner);
            users.createUser(new User("line.rep", "李伟"));
            users.createUser(new User("line.finance", "孙丽"));
            Role rep = users.roles().stream().filter(r -> r.name().equals(Role.SALES_REP)).findFirst().orElseThrow();
            users.createRole(new Role("rep_no_pipeline_names", "a rep who may not see pipelines' names", false, rep.grants(),
                    List.of(new Role.FieldRule("pipeline", "name", FieldAccess.HIDDEN))));
            users.setRoles("line.rep", List.of("rep_no_pipeline_names"));
            users.enableSignIn("line.rep", PASSWORD.toCharArray());
            users.setRoles("line.finance", List.of(Role.FINANCE));
            users.enableSignIn("line.finance", PASSWORD.toCharArray());
            long pipeline;
            String name;
            try (Connection c = Database.connect(schema.settings()); Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("SELECT ID, NAME FROM SB_PIPELINE ORDER BY ID")) {
                assertTrue(rs.next(), "a pipeline is shipped");
                pipeline = rs.getLong(1);
                name = rs.getString(2);
            }
            ReportResult result = new ReportResult("won-revenue", "赢单收入", ReportFilter.all()
                    .withPeriod(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 3, 31)).withPipelineId(pipeline), List.of(), List.of(), null, "CNY");

            String ownersLine = new ReportExporterImpl(null, null, db).describe(result);
            assertTrue(ownersLine.contains(name), "the schema's owner reads the table: " + ownersLine);
            for (String user : List.of("line.rep", "line.finance")) {
                try (Database as = Database.open(new DatabaseSettings(schema.settings().url(), user, PASSWORD), new LocalSecurityService(user))) {
                    String line = new ReportExporterImpl(null, null, as).describe(result);
                    if (user.equals("line.rep")) {
                        assertFalse(line.contains(name), user + ": " + line);
                        assertTrue(line.contains("#" + pipeline), user + ": " + line);
                    } else {
                        assertTrue(line.contains(name), user + ": " + line);
                    }
                }
            }
        } finally {
            schema.closeWithTeamRoles();
        }
    }
}
