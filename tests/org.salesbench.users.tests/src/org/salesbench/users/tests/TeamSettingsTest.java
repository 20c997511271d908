package org.salesbench.users.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.salesbench.cli.CommandException;
import org.salesbench.core.recyclebin.RecycleBin;
import org.salesbench.core.recyclebin.RecycleBinRegistry;
import org.salesbench.core.security.LocalSecurityService;
import org.salesbench.core.settings.TeamSettings;
import org.salesbench.core.time.Clocks;
import org.salesbench.core.validation.ValidationException;
import org.salesbench.persistence.Database;
import org.salesbench.persistence.DatabaseSettings;
import org.salesbench.testing.CommandRunner;
import org.salesbench.users.internal.SettingsCommand;
import org.salesbench.users.internal.TeamSettingsImpl;

/**
 * The team's settings on the embedded database: the recycle bin's time to restore is stored in the database (another
 * client of the same database reads it), set through the service and the {@code settings} command, refused out of range
 * or by an unknown name with a message naming them, and reset to the default.
 */
class TeamSettingsTest {

    private final DatabaseSettings settings = DatabaseSettings.inMemory("settings-" + UUID.randomUUID());
    private final LocalSecurityService owner = new LocalSecurityService("owner");
    private final Database db = Database.open(settings, owner);

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void theBinsRetentionIsATeamSettingStoredInTheDatabase() throws CommandException {
        TeamSettingsImpl team = new TeamSettingsImpl(db, owner);
        RecycleBinRegistry bin = new RecycleBinRegistry(owner, Clocks.system());
        bin.setSettings(team);
        assertEquals(Optional.empty(), team.stored(RecycleBin.RETENTION.name()));
        assertEquals(Duration.ofDays(30), bin.retention(), "the default until an administrator sets one");

        CommandRunner cli = new CommandRunner(new SettingsCommand(), db).with(TeamSettings.class, team);
        assertEquals(0, cli.run("set", "recycle-bin.retention-days", "7"));
        assertTrue(cli.out().contains("recycle-bin.retention-days"), cli.out());
        assertEquals(Duration.ofDays(7), bin.retention());
        // another client of the same database: nothing of this process is shared but the database
        try (Database other = Database.open(settings, new LocalSecurityService("owner"))) {
            assertEquals(Optional.of(7), new TeamSettingsImpl(other, owner).stored("recycle-bin.retention-days"));
        }
        assertEquals(0, cli.run("list"));
        assertTrue(cli.out().startsWith("recycle-bin.retention-days\t7\t"), cli.out());

        ValidationException tooLong = assertThrows(ValidationException.class, () -> cli.run("set", "recycle-bin.retention-days", "0"));
        assertTrue(tooLong.getMessage().contains("recycle-bin.retention-days") && tooLong.getMessage().contains("3650"), tooLong.getMessage());
        ValidationException unknown = assertThrows(ValidationException.class, () -> team.set("recycle-bin.days", 5));
        assertTrue(unknown.getMessage().contains("recycle-bin.days") && unknown.getMessage().contains("recycle-bin.retention-days"),
                unknown.getMessage());
        CommandException notANumber = assertThrows(CommandException.class, () -> cli.run("set", "recycle-bin.retention-days", "7'; DROP TABLE SB_TEAM_SETTING; --"));
        assertTrue(notANumber.getMessage().contains("recycle-bin.retention-days"), notANumber.getMessage());
        assertEquals(Duration.ofDays(7), bin.retention(), "nothing half-written");

        assertEquals(0, cli.run("reset", "recycle-bin.retention-days"));
        assertEquals(Duration.ofDays(30), bin.retention());
        assertEquals(0, cli.run("list"));
        assertTrue(cli.out().startsWith("recycle-bin.retention-days\t30\t"), cli.out());
    }
}
