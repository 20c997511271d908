package org.salesbench.performance.tests.targets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.salesbench.performance.tests.targets.TargetFixture.ADMIN;
import static org.salesbench.performance.tests.targets.TargetFixture.CHEN;
import static org.salesbench.performance.tests.targets.TargetFixture.GONE;
import static org.salesbench.performance.tests.targets.TargetFixture.LI;
import static org.salesbench.performance.tests.targets.TargetFixture.MANAGER;
import static org.salesbench.performance.tests.targets.TargetFixture.money;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.salesbench.core.validation.ValidationException;
import org.salesbench.performance.targets.SplitMethod;
import org.salesbench.performance.targets.Subject;
import org.salesbench.performance.targets.Target;
import org.salesbench.performance.targets.TargetPeriod;
import org.salesbench.performance.targets.TargetRevision;

/** Targets on Derby: bad input refused with messages and nothing written, breakdowns that add up, every change kept. */
class TargetServiceTest {

    private static final String WON = "won_revenue";

    /** One database for the class (a migration costs seconds): each test works in a year of its own. */
    private static TargetFixture f;
    private static Locale locale;

    @BeforeAll
    static void open() {
        locale = Locale.getDefault();
        Locale.setDefault(Locale.ENGLISH);
        f = new TargetFixture();
    }

    @AfterAll
    static void close() {
        f.close();
        Locale.setDefault(locale);
    }

    @AfterEach
    void signOut() {
        f.as(ADMIN);
    }

    private static void same(BigDecimal expected, BigDecimal actual) {
        assertEquals(0, expected.compareTo(actual), expected + " expected, was " + actual);
    }

    /** The targets within {@code year}. */
    private long count(int year) {
        return f.db.read(em -> em.createQuery("SELECT COUNT(t) FROM Target t WHERE t.periodStart >= :from AND t.periodEnd <= :to", Long.class)
                .setParameter("from", LocalDate.of(year, 1, 1)).setParameter("to", LocalDate.of(year, 12, 31)).getSingleResult());
    }

    @Test
    void badTargetsAreRefusedWithAMessageAndNothingIsWritten() {
        ValidationException negative = assertThrows(ValidationException.class,
                () -> f.targets.create(WON, Subject.person(LI), TargetPeriod.year(2041), money("-1"), "plan"));
        assertEquals("Target may not be negative (-1)", negative.errorOf("value").message());

        ValidationException inactive = assertThrows(ValidationException.class,
                () -> f.targets.create(WON, Subject.person(GONE), TargetPeriod.year(2041), money("1000"), "plan"));
        assertTrue(inactive.errorOf("subject").message().contains("\"zhao.yun\" is not an active user"), inactive.getMessage());

        ValidationException unknown = assertThrows(ValidationException.class,
                () -> f.targets.create(WON, Subject.person("nobody"), TargetPeriod.year(2041), money("1000"), "plan"));
        assertTrue(unknown.errorOf("subject").message().contains("there is no user \"nobody\""), unknown.getMessage());

        ValidationException team = assertThrows(ValidationException.class,
                () -> f.targets.create(WON, Subject.team(987654), TargetPeriod.year(2041), money("1000"), "plan"));
        assertTrue(team.errorOf("subject").message().contains("no team #987654"), team.getMessage());

        ValidationException metric = assertThrows(ValidationException.class,
                () -> f.targets.create("turnover", Subject.company(), TargetPeriod.year(2041), money("1000"), "plan"));
        assertTrue(metric.errorOf("metric").message().contains("\"turnover\" is not a metric of the catalogue"), metric.getMessage());
        assertTrue(metric.errorOf("metric").message().contains("won_revenue"), metric.getMessage());

        ValidationException ratio = assertThrows(ValidationException.class,
                () -> f.targets.create("win_rate", Subject.company(), TargetPeriod.year(2041), money("30"), "plan"));
        assertTrue(ratio.errorOf("metric").message().contains("ratio or an average"), ratio.getMessage());

        ValidationException cents = assertThrows(ValidationException.class,
                () -> f.targets.create("won_count", Subject.company(), TargetPeriod.year(2041), money("10.5"), "plan"));
        assertTrue(cents.errorOf("value").message().contains("more than 0 decimals"), cents.getMessage());

        ValidationException reason = assertThrows(ValidationException.class,
                () -> f.targets.create(WON, Subject.company(), TargetPeriod.year(2041), money("1000"), " "));
        assertTrue(reason.errorOf("reason") != null, reason.getMessage());
        assertEquals(0, count(2041));
    }

    @Test
    void periodsOfOneKindMayNotOverlapButOfAnotherKindTheyMay() {
        Target year = f.targets.create(WON, Subject.person(LI), TargetPeriod.year(2042), money("1200000"), "annual plan");
        ValidationException overlap = assertThrows(ValidationException.class,
                () -> f.targets.create(WON, Subject.person(LI), TargetPeriod.year(2042), money("1"), "again"));
        assertTrue(overlap.errorOf("period").message().contains("exists already (#" + year.getId() + ")"), overlap.getMessage());
        assertTrue(overlap.errorOf("period").message().contains("may not overlap"), overlap.getMessage());
        // a quarter inside the year is another kind; another metric or subject is another target
        f.targets.create(WON, Subject.person(LI), TargetPeriod.quarter(2042, 1), money("300000"), "Q1 plan");
        f.targets.create("won_count", Subject.person(LI), TargetPeriod.year(2042), money("12"), "annual plan");
        f.targets.create(WON, Subject.person(CHEN), TargetPeriod.year(2042), money("1000000"), "annual plan");
        assertEquals(4, count(2042));
        same(money("1200000"), f.targets.find(WON, Subject.person(LI), TargetPeriod.year(2042)).orElseThrow().getValue());
    }

    @Test
    void everyChangeIsKeptWithWhoAndWhy() {
        Target t = f.targets.create(WON, Subject.person(LI), TargetPeriod.year(2043), money("1000000"), "annual plan");
        f.as(MANAGER);
        f.targets.update(t.getId(), money("1100000"), "took over the Ningbo accounts");
        f.as(ADMIN);
        f.targets.set(WON, Subject.person(LI), TargetPeriod.year(2043), money("1100000"), "import: unchanged");
        List<TargetRevision> history = f.targets.history(t.getId());
        assertEquals(2, history.size());
        assertNull(history.get(0).getOldValue());
        assertEquals(money("1000000.00"), history.get(0).getNewValue().setScale(2));
        assertEquals(ADMIN, history.get(0).getCreatedBy());
        assertEquals("annual plan", history.get(0).getReason());
        assertEquals(money("1000000.00"), history.get(1).getOldValue().setScale(2));
        assertEquals(money("1100000.00"), history.get(1).getNewValue().setScale(2));
        assertEquals(MANAGER, history.get(1).getCreatedBy());
        assertEquals("took over the Ningbo accounts", history.get(1).getReason());
        assertTrue(f.events.contains("target/UPDATED/" + t.getId()), f.events.toString());
    }

    @Test
    void aCompanyTargetSplitsEquallyToTeamsThenPersonsThenMonthsAndAddsUp() {
        Target company = f.targets.create(WON, Subject.company(), TargetPeriod.year(2044), money("1000000.01"), "board plan");
        List<Target> teams = f.targets.splitToSubjects(company.getId(), SplitMethod.EQUAL, null, "first cut");
        assertEquals(List.of(Subject.team(f.east), Subject.team(f.north)), teams.stream().map(Target::getSubject).toList());
        // the leftover cent goes to the first team, in team order
        same(money("500000.01"), teams.get(0).getValue());
        same(money("500000.00"), teams.get(1).getValue());
        assertEquals(List.of(), f.targets.check(company.getId()));

        Target east = f.targets.find(WON, Subject.team(f.east), TargetPeriod.year(2044)).orElseThrow();
        List<Target> people = f.targets.splitToSubjects(east.getId(), SplitMethod.EQUAL, null, "equal shares");
        // the inactive member gets no target
        assertEquals(List.of(Subject.person(CHEN), Subject.person(LI)), people.stream().map(Target::getSubject).toList());
        same(east.getValue(), people.get(0).getValue().add(people.get(1).getValue()));

        Target li = f.targets.find(WON, Subject.person(LI), TargetPeriod.year(2044)).orElseThrow();
        List<Target> months = f.targets.splitToMonths(li.getId(), SplitMethod.EQUAL, null, "by month");
        assertEquals(12, months.size());
        assertEquals(TargetPeriod.month(2044, 1), months.get(0).getPeriod());
        same(li.getValue(), months.stream().map(Target::getValue).reduce(BigDecimal.ZERO, BigDecimal::add));
        assertEquals(List.of(), f.targets.check(li.getId()));
        assertEquals(li.getId(), months.get(11).getParentId());
        assertEquals(SplitMethod.EQUAL, months.get(11).getSplitMethod());

        // a part changed by hand afterwards: the check names the breakdown that no longer adds up
        f.targets.update(months.get(0).getId(), months.get(0).getValue().add(money("100")), "January bigger");
        List<String> problems = f.targets.check(li.getId());
        assertEquals(1, problems.size());
        assertTrue(problems.get(0).contains("the months add up to"), problems.toString());
    }

    @Test
    void aSplitByHandMustAddUpAndWritesNothingOtherwise() {
        Target east = f.targets.create(WON, Subject.team(f.east), TargetPeriod.year(2045), money("900000"), "plan");
        ValidationException short1 = assertThrows(ValidationException.class, () -> f.targets.splitToSubjects(east.getId(), SplitMethod.BY_HAND,
                Map.of(Subject.person(LI), money("500000"), Subject.person(CHEN), money("399999.99")), "by hand"));
        assertEquals("Won revenue team:" + f.east + " 2045: the parts add up to 899999.99, not 900000.00 (difference -0.01)",
                short1.errorOf("parts").message());
        ValidationException stranger = assertThrows(ValidationException.class, () -> f.targets.splitToSubjects(east.getId(), SplitMethod.BY_HAND,
                Map.of(Subject.person(LI), money("500000"), Subject.person(TargetFixture.SUN), money("400000")), "by hand"));
        assertTrue(stranger.errorOf("parts").message().contains("person:sun.li is not a part of team:" + f.east), stranger.getMessage());
        assertEquals(1, count(2045));

        List<Target> parts = f.targets.splitToSubjects(east.getId(), SplitMethod.BY_HAND,
                Map.of(Subject.person(LI), money("600000"), Subject.person(CHEN), money("300000")), "Li has the bigger territory");
        assertEquals(List.of(money("300000.00"), money("600000.00")), parts.stream().map(p -> p.getValue().setScale(2)).toList());
        assertTrue(f.targets.history(parts.get(1).getId()).get(0).getReason().startsWith("Li has the bigger territory"));

        // splitting again replaces the parts' values and keeps the change
        f.targets.splitToSubjects(east.getId(), SplitMethod.EQUAL, null, "back to equal");
        Target li = f.targets.find(WON, Subject.person(LI), TargetPeriod.year(2045)).orElseThrow();
        assertEquals(money("450000.00"), li.getValue().setScale(2));
        assertEquals(2, f.targets.history(li.getId()).size());
        assertEquals(3, count(2045));
    }

    @Test
    void aSplitByLastYearsShareFollowsLastYearsWonRevenue() {
        f.won(LI, "300000", LocalDate.of(2025, 3, 15));
        f.won(CHEN, "100000", LocalDate.of(2025, 11, 2));
        f.won(CHEN, "999999", LocalDate.of(2026, 1, 10)); // this year: not a share of last year
        Target east = f.targets.create(WON, Subject.team(f.east), TargetPeriod.year(2026), money("1000000"), "plan");
        List<Target> parts = f.targets.splitToSubjects(east.getId(), SplitMethod.LAST_YEAR_SHARE, null, "as last year");
        assertEquals(List.of(money("250000.00"), money("750000.00")), parts.stream().map(p -> p.getValue().setScale(2)).toList());

        Target north = f.targets.create(WON, Subject.team(f.north), TargetPeriod.year(2026), money("500000"), "plan");
        ValidationException none = assertThrows(ValidationException.class,
                () -> f.targets.splitToSubjects(north.getId(), SplitMethod.LAST_YEAR_SHARE, null, "as last year"));
        assertTrue(none.errorOf("method").message().contains("no figures for Won revenue in 2025"), none.getMessage());
    }

    @Test
    void aMonthCannotBeSplitToMonthsNorAPersonToSubjects() {
        Target month = f.targets.create(WON, Subject.person(LI), TargetPeriod.month(2046, 7), money("80000"), "July");
        assertThrows(ValidationException.class, () -> f.targets.splitToMonths(month.getId(), SplitMethod.EQUAL, null, "x"));
        assertThrows(ValidationException.class, () -> f.targets.splitToSubjects(month.getId(), SplitMethod.EQUAL, null, "x"));
        Target quarter = f.targets.create(WON, Subject.person(LI), TargetPeriod.quarter(2046, 3), money("100"), "Q3");
        List<Target> months = f.targets.splitToMonths(quarter.getId(), SplitMethod.EQUAL, null, "Q3 by month");
        // July exists already: it becomes a part and takes the split's value
        assertEquals(month.getId(), months.get(0).getId());
        assertEquals(List.of(money("33.34"), money("33.33"), money("33.33")), months.stream().map(p -> p.getValue().setScale(2)).toList());
    }
}
