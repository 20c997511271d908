package org.salesbench.workflow.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.salesbench.cli.CliCommand;
import org.salesbench.cli.CommandException;
import org.salesbench.core.security.SecurityService;
import org.salesbench.core.time.Clocks;
import org.salesbench.testing.CommandRunner;
import org.salesbench.workflow.RecordRef;
import org.salesbench.workflow.Task;
import org.salesbench.workflow.TaskService;
import org.salesbench.workflow.internal.cli.TasksCommand;
import org.salesbench.workflow.internal.reminders.ReminderEngineImpl;
import org.salesbench.workflow.internal.reminders.ReminderRules;
import org.salesbench.workflow.reminders.ReminderEngine;

/** {@code salesbench cli tasks …} over the real task service and reminder engine on Derby. */
class TasksCommandTest {

    private final TaskFixture fx = new TaskFixture().users("li.na", "wang.wei");
    private final ReminderEngineImpl engine = new ReminderEngineImpl(fx.db, fx.tasks, fx.people, Clocks::system,
            () -> ReminderRules.all().stream().filter(d -> !d.id().startsWith("test.")).toList());
    private CommandRunner cli;

    @AfterEach
    void close() {
        fx.close();
    }

    private int run(String... args) throws CommandException {
        cli = new CommandRunner(new TasksCommand(), fx.db).with(TaskService.class, fx.tasks).with(ReminderEngine.class, engine)
                .with(SecurityService.class, fx.people);
        return cli.run(args);
    }

    private String out() {
        return cli.out();
    }

    private Task task(String title, String assignee, long dueInDays) {
        Task t = new Task(title, new RecordRef("customer", 3), Instant.now(Clocks.system()).plus(Duration.ofDays(dueInDays)));
        t.setAssignee(assignee);
        return fx.tasks.create(t);
    }

    @Test
    void listFiltersMineAndOverdueInEachFormat() throws CommandException {
        Task late = task("Call back, \"urgent\"", "li.na", -2);
        task("Send the brochure", "li.na", 3);
        task("His visit", "wang.wei", -1);
        Task done = task("Done already", "li.na", -5);
        fx.tasks.complete(done.getId());

        fx.as("li.na", false);
        assertEquals(CliCommand.OK, run("list", "--mine", "--overdue", "--format", "csv"));
        List<String> lines = out().lines().toList();
        assertEquals("id,due,status,priority,assignee,title,related", lines.get(0));
        assertEquals(2, lines.size(), out());
        assertTrue(lines.get(1).startsWith(late.getId() + ","), lines.get(1));
        assertTrue(lines.get(1).contains(",OPEN!,NORMAL,li.na,\"Call back, \"\"urgent\"\"\",customer#3"), lines.get(1));

        assertEquals(CliCommand.OK, run("list", "--format", "json"));
        assertEquals(3, out().split("\"id\":", -1).length - 1, out());
        assertTrue(out().contains("\"title\": \"Call back, \\\"urgent\\\"\""), out());

        assertEquals(CliCommand.OK, run("list", "--all"));
        assertEquals(5, out().lines().count(), "a header and four tasks: " + out());
        assertTrue(out().lines().findFirst().orElseThrow().startsWith("id"));
        assertTrue(cli.err().contains("4 of 4"));
    }

    @Test
    void remindRunsTheRulesOnceAndPrintsWhatTheyMade() throws CommandException {
        new ReminderData(fx.db).customer("杭州湖畔茶业有限公司", "li.na", LocalDate.now(Clocks.system()));
        assertEquals(CliCommand.OK, run("remind"));
        assertTrue(out().lines().anyMatch(l -> l.startsWith("followUpDue\t1\t1\t")), out());
        assertTrue(cli.err().contains("1 tasks made by 5 rules"), cli.err());
        assertEquals(CliCommand.OK, run("remind"));
        assertTrue(out().lines().anyMatch(l -> l.startsWith("followUpDue\t1\t0\t")), out());
    }

    @Test
    void badArgumentsAreUsageErrorsNamingWhatIsWrong() {
        assertEquals(CliCommand.USAGE, assertThrows(CommandException.class, () -> run()).exitCode());
        CommandException unknown = assertThrows(CommandException.class, () -> run("frobnicate"));
        assertEquals(CliCommand.USAGE, unknown.exitCode());
        assertTrue(unknown.getMessage().contains("frobnicate"));
        CommandException format = assertThrows(CommandException.class, () -> run("list", "--format", "xml"));
        assertEquals(CliCommand.USAGE, format.exitCode());
        assertTrue(format.getMessage().contains("xml"));
        CommandException limit = assertThrows(CommandException.class, () -> run("list", "--limit", "-3"));
        assertTrue(limit.getMessage().contains("--limit") && limit.getMessage().contains("-3"), limit.getMessage());
        assertEquals(CliCommand.USAGE, assertThrows(CommandException.class, () -> run("list", "--everything")).exitCode());
        assertEquals(CliCommand.USAGE, assertThrows(CommandException.class, () -> run("remind", "now")).exitCode());
    }
}
