package org.salesbench.addons.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.salesbench.cli.CliCommand;
import org.salesbench.cli.CommandException;
import org.salesbench.testing.CommandRunner;

/**
 * The addons command's arguments and its refusal in a runtime that was not installed from the product (this test
 * runtime has no p2 profile). Installing and uninstalling for real: releng/org.salesbench.product/addons-test.sh.
 */
class AddonsCommandTest {

    @Test
    void takesAFolderOrAnAddressAsTheSite(@TempDir Path dir) throws Exception {
        assertEquals(dir.toUri(), AddonsCommand.site(dir.toString()));
        assertEquals("https://updates.example.com/salesbench/", AddonsCommand.site("https://updates.example.com/salesbench/").toString());
        CommandException missing = assertThrows(CommandException.class, () -> AddonsCommand.site(dir.resolve("nothing").toString()));
        assertEquals(CliCommand.USAGE, missing.exitCode());
        assertTrue(missing.getMessage().contains("nothing"), missing.getMessage());
    }

    @Test
    void refusesAnUnknownActionAndMissingArguments() {
        CommandRunner runner = new CommandRunner(new AddonsCommand(), null);
        CommandException unknown = assertThrows(CommandException.class, () -> runner.run("remove", "x"));
        assertEquals(CliCommand.USAGE, unknown.exitCode());
        assertTrue(unknown.getMessage().contains("remove"), unknown.getMessage());
        CommandException noFeature = assertThrows(CommandException.class, () -> runner.run("install", "."));
        assertEquals(CliCommand.USAGE, noFeature.exitCode());
        assertTrue(noFeature.getMessage().contains("feature"), noFeature.getMessage());
    }

    @Test
    void saysWhyARuntimeWithoutAProfileCannotTakeAddons() {
        CommandException refused = assertThrows(CommandException.class, () -> new CommandRunner(new AddonsCommand(), null).run("list"));
        assertEquals(CliCommand.DATA, refused.exitCode());
        assertTrue(refused.getMessage().contains("product archive"), refused.getMessage());
    }
}
