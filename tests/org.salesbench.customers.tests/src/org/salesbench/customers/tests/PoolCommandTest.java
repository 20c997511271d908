package org.salesbench.customers.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.salesbench.cli.CliCommand;
import org.salesbench.cli.CommandException;
import org.salesbench.core.validation.ValidationException;
import org.salesbench.customers.pool.CustomerPool;
import org.salesbench.customers.internal.pool.PoolCommand;
import org.salesbench.testing.CommandRunner;

/** {@code salesbench cli pool …} over the real pool on Derby: its output, and its refusals of bad arguments. */
class PoolCommandTest {

    private PoolFixture fx;
    private CommandRunner cli;

    @BeforeEach
    void open() {
        fx = new PoolFixture();
    }

    @AfterEach
    void close() {
        fx.close();
    }

    private int run(String... args) throws CommandException {
        cli = new CommandRunner(new PoolCommand(), fx.db).with(CustomerPool.class, fx.pool);
        return cli.run(args);
    }

    private String out() {
        return cli.out();
    }

    @Test
    void settingsSweepListClaimWarningsAndHistory() throws CommandException {
        assertEquals(CliCommand.OK, run("settings"));
        assertEquals("(default): return after 30 days without follow-up, warn 7 days before, cap 200 owned customers", out().strip());
        assertEquals(CliCommand.OK, run("settings", "--return-after", "1", "--warn-before", "0"));
        assertTrue(out().contains("return after 1 days") && out().contains("cap 200"), out());

        fx.as("rep.x");
        long id = fx.customer("金华五金工具有限公司", "五金", "金华");
        fx.daysLater(2);
        assertEquals(CliCommand.OK, run("sweep"));
        assertEquals("Warned the owners of 1 customers; 0 customers returned to the public pool.", out().strip());
        assertEquals(CliCommand.OK, run("warnings", "--owner", "rep.x"));
        assertTrue(out().startsWith(id + "\t金华五金工具有限公司\trep.x\t"), out());
        assertEquals(CliCommand.OK, run("sweep"));
        assertEquals("Warned the owners of 0 customers; 1 customers returned to the public pool.", out().strip());

        assertEquals(CliCommand.OK, run("list", "--industry", "五金", "--text", "五金工具"));
        String[] columns = out().strip().split("\t");
        assertEquals(Long.toString(id), columns[0]);
        assertEquals("金华", columns[3]);
        assertEquals("rep.x", columns[5], "returned from");
        assertTrue(cli.err().contains("1 of 1"));
        assertEquals(CliCommand.OK, run("list", "--region", "杭州"));
        assertEquals("", out());

        fx.as("rep.y");
        assertEquals(CliCommand.OK, run("claim", Long.toString(id)));
        assertEquals("You now own customer " + id + ".", out().strip());
        assertEquals("rep.y", fx.owner(id));
        fx.as("rep.z");
        ValidationException taken = assertThrows(ValidationException.class, () -> run("claim", Long.toString(id)));
        assertTrue(taken.getMessage().contains("rep.y"), taken.getMessage());

        assertEquals(CliCommand.OK, run("history", Long.toString(id)));
        List<String> lines = out().lines().toList();
        assertEquals(3, lines.size(), out());
        assertTrue(lines.get(0).contains("\tWARNED\trep.x\t"), lines.get(0));
        assertTrue(lines.get(1).contains("\tRETURNED\trep.x\trep.x\t" + CustomerPool.POOL_OWNER + "\t"), lines.get(1));
        assertTrue(lines.get(2).contains("\tCLAIMED\trep.y\t" + CustomerPool.POOL_OWNER + "\trep.y"), lines.get(2));
    }

    @Test
    void badArgumentsAreRefusedWithUsage() {
        for (String[] args : List.of(new String[] {}, new String[] { "drain" }, new String[] { "claim" }, new String[] { "claim", "abc" },
                new String[] { "claim", "-5" }, new String[] { "claim", "1; DROP TABLE SB_CUSTOMER" }, new String[] { "list", "--limit", "-1" },
                new String[] { "settings", "--cap", "lots" }, new String[] { "sweep", "now" })) {
            CommandException e = assertThrows(CommandException.class, () -> run(args), String.join(" ", args));
            assertTrue(e.isUsage(), String.join(" ", args) + ": " + e.getMessage());
        }
        ValidationException unknownTeam = assertThrows(ValidationException.class, () -> run("settings", "--team", "无此团队", "--cap", "3"));
        assertTrue(unknownTeam.getMessage().contains("无此团队"));
        ValidationException missing = assertThrows(ValidationException.class, () -> run("claim", "424242"));
        assertTrue(missing.getMessage().contains("424242"));
    }
}
