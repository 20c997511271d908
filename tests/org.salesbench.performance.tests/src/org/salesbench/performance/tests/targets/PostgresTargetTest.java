package org.salesbench.performance.tests.targets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.salesbench.analytics.internal.MetricCatalogueImpl;
import org.salesbench.analytics.internal.ReportServiceImpl;
import org.salesbench.core.security.AccessDeniedException;
import org.salesbench.core.security.SecurityService;
import org.salesbench.core.time.Clocks;
import org.salesbench.core.validation.ValidationException;
import org.salesbench.opportunities.internal.ForecastServiceImpl;
import org.salesbench.performance.internal.targets.AttainmentServiceImpl;
import org.salesbench.performance.internal.targets.TargetServiceImpl;
import org.salesbench.performance.targets.Subject;
import org.salesbench.performance.targets.Target;
import org.salesbench.performance.targets.TargetPeriod;
import org.salesbench.persistence.Database;
import org.salesbench.persistence.DatabaseSettings;
import org.salesbench.testing.PostgresTeam;
import org.salesbench.users.Role;
import org.salesbench.users.Team;
import org.salesbench.users.UserService;
import org.salesbench.users.internal.RoleSecurityService;
import org.salesbench.users.internal.UserServiceImpl;

/**
 * Targets on a team server, each person signed in as their own PostgreSQL role: row-level security shows a rep their
 * own target, their team's and the company's (by direct SQL too) and no colleague's or other team's; their manager
 * also their people's, and lets the manager change them but not the rep; finance sees everyone's.
 */
@Tag("postgres")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PostgresTargetTest {

    private static final TargetPeriod YEAR = TargetPeriod.year(2026);
    private static final String WON = "won_revenue";

    private PostgresTeam team;
    private Database ownerDb;
    private long east;
    private long west;

    @BeforeAll
    void users() {
        team = PostgresTeam.create("targets", db -> new UserServiceImpl(db, new RoleSecurityService(db)));
        ownerDb = team.owner();
        team.person("boss.c", "陈经理", null, Role.SALES_MANAGER).person("rep.a", "李娜", "boss.c", Role.SALES_REP)
                .person("rep.b", "王伟", null, Role.SALES_REP).person("fin.d", "赵敏", null, Role.FINANCE);
        UserService users = team.users();
        Team e = new Team("华东");
        e.setManager("boss.c");
        e.getMembers().add("rep.a");
        east = users.createTeam(e).getId();
        Team w = new Team("华西");
        w.getMembers().add("rep.b");
        west = users.createTeam(w).getId();
        TargetServiceImpl targets = targets(ownerDb);
        targets.create(WON, Subject.company(), YEAR, new BigDecimal("9000000"), "board plan");
        targets.create(WON, Subject.team(east), YEAR, new BigDecimal("3000000"), "plan");
        targets.create(WON, Subject.team(west), YEAR, new BigDecimal("2000000"), "plan");
        targets.create(WON, Subject.person("rep.a"), YEAR, new BigDecimal("1500000"), "plan");
        targets.create(WON, Subject.person("rep.b"), YEAR, new BigDecimal("1200000"), "plan");
    }

    @AfterAll
    void close() {
        if (team != null) {
            team.close();
        }
    }

    private DatabaseSettings as(String login) {
        return team.settings(login);
    }

    /** The target service of a session, wired as DS wires it. */
    private static TargetServiceImpl targets(Database db) {
        SecurityService security = new RoleSecurityService(db);
        MetricCatalogueImpl catalogue = new MetricCatalogueImpl(Locale.ENGLISH);
        ReportServiceImpl reports = new ReportServiceImpl(db, security, catalogue, new ForecastServiceImpl(db, security));
        return new TargetServiceImpl(db, security, new UserServiceImpl(db, security), catalogue,
                new AttainmentServiceImpl(db, reports, catalogue, Clocks.system()), (e, c, id) -> { });
    }

    private Set<String> seen(Database db) {
        return targets(db).list(WON, YEAR).stream().map(t -> t.getSubject().toString()).collect(Collectors.toCollection(TreeSet::new));
    }

    private static Set<String> seenBySql(Database db) throws Exception {
        Set<String> subjects = new TreeSet<>();
        try (Connection c = Database.connect(db.settings()); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT SUBJECT_KIND, SUBJECT_KEY FROM SB_TARGET")) {
            while (rs.next()) {
                subjects.add(rs.getString(1).toLowerCase(Locale.ROOT) + ":" + rs.getString(2));
            }
        }
        return subjects;
    }

    @Test
    void aRepSeesTheirOwnTheirTeamsAndTheCompanysTargetsAndChangesNone() throws Exception {
        try (Database db = team.open("rep.a")) {
            assertEquals(Set.of("company", "person:rep.a", "team:" + east), seen(db));
            assertEquals(Set.of("company:*", "person:rep.a", "team:" + east), seenBySql(db));
            TargetServiceImpl targets = targets(db);
            Target own = targets.find(WON, Subject.person("rep.a"), YEAR).orElseThrow();
            assertThrows(AccessDeniedException.class, () -> targets.update(own.getId(), new BigDecimal("1"), "make it easy"));
            try (Connection c = Database.connect(db.settings()); Statement s = c.createStatement()) {
                assertEquals(0, s.executeUpdate("UPDATE SB_TARGET SET TARGET_VALUE = 1"));
            }
        }
    }

    @Test
    void aManagerSeesAndSetsTheirPeoplesTargetsButNoOneElses() throws Exception {
        try (Database db = team.open("boss.c")) {
            assertEquals(Set.of("company", "person:rep.a", "team:" + east), seen(db));
            TargetServiceImpl targets = targets(db);
            Target a = targets.find(WON, Subject.person("rep.a"), YEAR).orElseThrow();
            Target changed = targets.update(a.getId(), new BigDecimal("1600000"), "new accounts");
            assertEquals(0, new BigDecimal("1600000").compareTo(changed.getValue()));
            assertEquals("boss.c", targets.history(a.getId()).get(1).getCreatedBy());
            // rep.b is not theirs: the database does not even show the target
            assertThrows(ValidationException.class, () -> targets.update(targetId("rep.b"), new BigDecimal("1"), "x"));
        }
        try (Database db = team.open("fin.d")) {
            assertEquals(Set.of("company", "person:rep.a", "person:rep.b", "team:" + east, "team:" + west), seen(db));
        }
        try (Database db = team.open("rep.b")) {
            assertTrue(seenBySql(db).containsAll(Set.of("company:*", "person:rep.b", "team:" + west)));
            assertEquals(3, seenBySql(db).size());
        }
    }

    private long targetId(String login) {
        return targets(ownerDb).find(WON, Subject.person(login), YEAR).orElseThrow().getId();
    }
}
