package org.salesbench.workflow.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.salesbench.core.recyclebin.DeletedRecord;
import org.salesbench.core.recyclebin.RecycleBin;
import org.salesbench.core.recyclebin.RecycleBinRegistry;
import org.salesbench.core.security.AccessDeniedException;
import org.salesbench.core.settings.TeamSettings;
import org.salesbench.core.time.Clocks;
import org.salesbench.core.validation.ValidationException;
import org.salesbench.customers.Customer;
import org.salesbench.customers.CustomerStatus;
import org.salesbench.customers.internal.CustomerServiceImpl;
import org.salesbench.persistence.Database;
import org.salesbench.testing.CommandRunner;
import org.salesbench.testing.PostgresTeam;
import org.salesbench.users.Role;
import org.salesbench.users.internal.RoleSecurityService;
import org.salesbench.users.internal.SettingsCommand;
import org.salesbench.users.internal.TeamSettingsImpl;
import org.salesbench.users.internal.UserServiceImpl;

/**
 * The recycle bin's time to restore is a team setting on a team server: an administrator sets it with the
 * {@code settings} command, a rep's client reads it from the database and may restore their own deleted customer only
 * within it, nobody else may change it (the service and a direct SQL session both refuse), and the administrator purges
 * what is past it.
 */
@Tag("postgres")
class PostgresRecycleBinRetentionTest {

    @Test
    void anAdministratorSetsTheTimeToRestoreForTheTeamAndPurgesWhatIsPastIt() throws Exception {
        try (PostgresTeam team = PostgresTeam.create("retention", db -> new UserServiceImpl(db, new RoleSecurityService(db)))) {
            team.person("adm.r", "褚建", null, Role.ADMINISTRATOR).person("rep.k", "卫芳", null, Role.SALES_REP);
            CustomerServiceImpl ownersCustomers = new CustomerServiceImpl(team.owner(), new RoleSecurityService(team.owner()), (e, c, id) -> { });
            long old = customer(ownersCustomers, "旧客户甲");
            long recent = customer(ownersCustomers, "新客户乙");
            long older = customer(ownersCustomers, "旧客户丙");

            try (Database rep = team.open("rep.k")) {
                RoleSecurityService security = new RoleSecurityService(rep);
                CustomerServiceImpl customers = new CustomerServiceImpl(rep, security, (e, c, id) -> { });
                customers.delete(old);
                customers.delete(recent);
                customers.delete(older);
            }
            daysAgo(team.owner(), old, 10);
            daysAgo(team.owner(), older, 12);
            daysAgo(team.owner(), recent, 3);

            try (Database admin = team.open("adm.r")) {
                TeamSettingsImpl settings = new TeamSettingsImpl(admin, new RoleSecurityService(admin));
                CommandRunner cli = new CommandRunner(new SettingsCommand(), admin).with(TeamSettings.class, settings);
                assertEquals(0, cli.run("set", RecycleBin.RETENTION.name(), "7"));
            }

            try (Database rep = team.open("rep.k")) {
                RoleSecurityService security = new RoleSecurityService(rep);
                TeamSettingsImpl settings = new TeamSettingsImpl(rep, security);
                assertEquals(7, settings.value(RecycleBin.RETENTION), "the rep's client reads the team's setting");
                assertThrows(AccessDeniedException.class, () -> settings.set(RecycleBin.RETENTION.name(), 365));
                try (Connection c = Database.connect(team.settings("rep.k")); Statement s = c.createStatement()) {
                    SQLException refused = assertThrows(SQLException.class, () -> s.executeUpdate("UPDATE SB_TEAM_SETTING SET SETTING_VALUE = 365"));
                    assertTrue(refused.getMessage().contains("permission denied"), refused.getMessage());
                }
                RecycleBinRegistry bin = bin(rep, security, settings);
                assertEquals(Duration.ofDays(7), bin.retention());
                ValidationException late = assertThrows(ValidationException.class, () -> bin.restore("customer", old));
                assertTrue(late.getMessage().contains("旧客户甲") && late.getMessage().contains("7"), late.getMessage());
                bin.restore("customer", recent); // three days ago: within the week
                assertThrows(AccessDeniedException.class, bin::purgeExpired);
            }

            try (Database admin = team.open("adm.r")) {
                RoleSecurityService security = new RoleSecurityService(admin);
                RecycleBinRegistry bin = bin(admin, security, new TeamSettingsImpl(admin, security));
                RecycleBin.PurgeResult result = bin.purgeExpired();
                assertEquals(java.util.Set.of(old, older), java.util.Set.copyOf(result.purged().stream().map(DeletedRecord::id).toList()),
                        "the two deleted more than a week ago");
                assertEquals(List.of(), result.refused());
                assertTrue(bin.deleted("customer", 10).isEmpty());
            }
            assertTrue(ownersCustomers.find(recent).isPresent(), "restored by its owner within the week");
            assertTrue(ownersCustomers.find(old).isEmpty() && ownersCustomers.find(older).isEmpty());
        }
    }

    private static RecycleBinRegistry bin(Database db, RoleSecurityService security, TeamSettings settings) {
        RecycleBinRegistry bin = new RecycleBinRegistry(security, Clocks.system());
        bin.add(new CustomerServiceImpl(db, security, (e, c, id) -> { }));
        bin.setSettings(settings);
        return bin;
    }

    private static long customer(CustomerServiceImpl customers, String name) {
        Customer c = new Customer(name);
        c.setStatus(CustomerStatus.ACTIVE);
        c.setOwner("rep.k");
        return customers.create(c).getId();
    }

    private static void daysAgo(Database owner, long id, int days) throws SQLException {
        // by the services' clock, as a deletion is stamped (CI moves it a year on; the server's clock is not moved)
        try (Connection c = Database.connect(owner.settings());
                java.sql.PreparedStatement s = c.prepareStatement("UPDATE SB_CUSTOMER SET DELETED_AT = ? WHERE ID = ?")) {
            s.setTimestamp(1, java.sql.Timestamp.from(Clocks.system().instant().minus(Duration.ofDays(days))));
            s.setLong(2, id);
            assertEquals(1, s.executeUpdate());
        }
    }
}
