package org.salesbench.cli.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.salesbench.cli.tests.CliFixture.Result;

/**
 * {@code salesbench cli pool …} through the real command line and services (DS): the customers module's command is
 * found, runs against the database, and answers bad input with the right exit code and message.
 */
class CommandLinePoolTest {

    @TempDir
    Path dir;
    private CliFixture cli;

    @BeforeEach
    void setUp() {
        cli = new CliFixture(dir);
    }

    @Test
    void thePoolCommandRunsAgainstTheDatabase() throws Exception {
        Result help = cli.run("pool", "--help");
        assertEquals(0, help.code(), help.toString());
        assertTrue(help.out().startsWith("Usage: salesbench cli pool list"), help.toString());
        assertTrue(cli.run("--help").out().contains("  pool "), "pool is listed among the commands");

        Result settings = cli.run("pool", "settings", "--return-after", "20", "--warn-before", "5", "--cap", "50");
        assertEquals(0, settings.code(), settings.toString());
        assertEquals("(default): return after 20 days without follow-up, warn 5 days before, cap 50 owned customers", settings.out().strip());
        assertEquals(20, cli.query("SELECT RETURN_AFTER_DAYS FROM SB_CUSTOMER_POOL_SETTINGS WHERE TEAM_ID = 0"));

        Result sweep = cli.run("pool", "sweep");
        assertEquals(0, sweep.code(), sweep.toString());
        assertEquals("Warned the owners of 0 customers; 0 customers returned to the public pool.", sweep.out().strip());

        Result list = cli.run("pool", "list", "--text", "' OR 1=1 --");
        assertEquals(0, list.code(), list.toString());
        assertEquals("", list.out());

        Result missing = cli.run("pool", "claim", "424242");
        assertEquals(3, missing.code(), missing.toString());
        assertTrue(missing.err().contains("There is no customer 424242."), missing.toString());

        Result forged = cli.run("pool", "claim", "424242 OR 1=1");
        assertEquals(2, forged.code(), forged.toString());
        assertTrue(forged.err().contains("424242 OR 1=1"), forged.toString());

        Result team = cli.run("pool", "settings", "--team", "无此团队", "--cap", "3");
        assertEquals(3, team.code(), team.toString());
        assertTrue(team.err().contains("无此团队"), team.toString());
    }
}
