package org.salesbench.workflow.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.salesbench.core.time.Clocks;
import org.salesbench.opportunities.StageKind;
import org.salesbench.quotes.QuoteStatus;
import org.salesbench.workflow.RecordRef;
import org.salesbench.workflow.Task;
import org.salesbench.workflow.TaskFilter;
import org.salesbench.workflow.internal.TaskServiceImpl;
import org.salesbench.workflow.internal.reminders.ReminderEngineImpl;
import org.salesbench.workflow.internal.reminders.ReminderRules;
import org.salesbench.workflow.internal.reminders.ReminderSettings;
import org.salesbench.workflow.reminders.ReminderRun;

/**
 * The reminder engine with the production rules on Derby: each rule fires once for each occurrence and never again,
 * across repeated runs and a restart (a new service and engine on the same database); settings and broken rules.
 */
class ReminderEngineTest {

    private static final List<String> PRODUCTION = List.of("followUpDue", "opportunityIdle", "closeDatePassed", "quoteExpiring", "poolReturn");

    private final TaskFixture fx = new TaskFixture().users("li.na", "wang.wei");
    private final ReminderData data = new ReminderData(fx.db);
    private final LocalDate today = LocalDate.now(Clocks.system());
    private final Instant now = Instant.now(Clocks.system());
    private long dueToday;

    @BeforeEach
    void someRecordsAreDueAndOthersNot() {
        dueToday = data.customer("杭州湖畔茶业有限公司", "li.na", today);
        data.customer("宁波港口物流有限公司", "wang.wei", today.minusDays(3));
        data.customer("Long forgotten Ltd", "li.na", today.minusDays(60)); // beyond the 30 days the rule looks back
        data.customer("Tomorrow Ltd", "li.na", today.plusDays(1));
        data.customer("In the pool Ltd", "(pool)", today);
        long idle = data.opportunity(dueToday, "茶园 ERP 项目", "li.na", StageKind.OPEN, now.minus(Duration.ofDays(20)), today.plusDays(30));
        data.opportunity(dueToday, "Fresh deal", "li.na", StageKind.OPEN, now.minus(Duration.ofDays(2)), today.plusDays(30));
        data.opportunity(dueToday, "Won long ago", "li.na", StageKind.WON, now.minus(Duration.ofDays(90)), today.minusDays(5));
        data.opportunity(dueToday, "Late deal", "wang.wei", StageKind.OPEN, now.minus(Duration.ofDays(1)), today.minusDays(1));
        data.quote(idle, "li.na", QuoteStatus.SENT, today.plusDays(2));
        data.quote(idle, "li.na", QuoteStatus.DRAFT, today.plusDays(2));
        data.quote(idle, "li.na", QuoteStatus.SENT, today.plusDays(10));
        data.poolWarning(dueToday, "li.na", LocalDateTime.now(Clocks.system()).minusHours(1), LocalDateTime.now(Clocks.system()).plusDays(7));
    }

    @AfterEach
    void close() {
        PRODUCTION.forEach(ReminderSettings::reset);
        fx.close();
    }

    private ReminderEngineImpl engine(TaskServiceImpl tasks) {
        return new ReminderEngineImpl(fx.db, tasks, fx.people, Clocks::system,
                () -> ReminderRules.all().stream().filter(d -> PRODUCTION.contains(d.id())).toList());
    }

    private static Map<String, Integer> made(List<ReminderRun> runs) {
        runs.forEach(r -> assertNull(r.error(), r.ruleId()));
        return runs.stream().collect(Collectors.toMap(ReminderRun::ruleId, ReminderRun::made));
    }

    @Test
    void eachRuleMakesItsTasksOnceAcrossRunsAndARestart() {
        Map<String, Integer> first = made(engine(fx.tasks).run());
        assertEquals(Map.of("followUpDue", 2, "opportunityIdle", 1, "closeDatePassed", 1, "quoteExpiring", 1, "poolReturn", 1), first);
        assertEquals(Map.of("followUpDue", 0, "opportunityIdle", 0, "closeDatePassed", 0, "quoteExpiring", 0, "poolReturn", 0),
                made(engine(fx.tasks).run()));

        // a restart: a new service and engine on the same database
        TaskServiceImpl restarted = new TaskServiceImpl(fx.db, fx.people, (e, c, id) -> { }, Clocks::system);
        ReminderEngineImpl again = engine(restarted);
        List<ReminderRun> afterRestart = again.run();
        assertEquals(0, afterRestart.stream().mapToInt(ReminderRun::made).sum());
        assertEquals(6, afterRestart.stream().mapToInt(ReminderRun::found).sum());
        assertEquals(6L, fx.tasks.count(TaskFilter.all()));

        List<Task> about = fx.tasks.list(TaskFilter.about(new RecordRef("customer", dueToday)), 0, 10);
        assertEquals(2, about.size(), "a follow-up and a pool warning");
        Task followUp = about.stream().filter(t -> "followUpDue".equals(t.getCreatedByRule())).findFirst().orElseThrow();
        assertEquals("li.na", followUp.getAssignee());
        assertTrue(followUp.getTitle().contains("杭州湖畔茶业有限公司"), followUp.getTitle());
        assertEquals("followUpDue:customer:" + dueToday + ":" + today, followUp.getOccurrenceKey());

        // a new follow-up date is a new occurrence
        fx.tasks.complete(followUp.getId());
        data.followUp(dueToday, today.minusDays(1));
        assertEquals(1, made(again.run()).get("followUpDue"));

        List<ReminderRun> last = again.lastRuns();
        assertEquals(PRODUCTION, last.stream().map(ReminderRun::ruleId).toList());
        assertEquals(1, last.get(0).made());
        assertNotNull(last.get(0).startedAt());
    }

    @Test
    void preferencesTurnARuleOffAndSetItsDays() {
        ReminderSettings.set("followUpDue", false, 30);
        ReminderSettings.set("opportunityIdle", true, 30);
        ReminderSettings.set("quoteExpiring", true, 10);
        Map<String, Integer> made = made(engine(fx.tasks).run());
        assertEquals(null, made.get("followUpDue"), "off: not run at all");
        assertEquals(0, made.get("opportunityIdle"), "20 days idle is not 30");
        assertEquals(2, made.get("quoteExpiring"), "both sent quotes expire within 10 days");
    }

    @Test
    void aBrokenRuleIsRecordedAndTheOthersStillRun() {
        ReminderSettings.set("test.throwing", true, 0);
        ReminderSettings.set("test.missingClass", true, 0);
        try {
            List<ReminderRun> runs = new ReminderEngineImpl(fx.db, fx.tasks, fx.people, Clocks::system, ReminderRules::all).run();
            Map<String, ReminderRun> byId = runs.stream().collect(Collectors.toMap(ReminderRun::ruleId, r -> r));
            assertTrue(byId.get("test.throwing").error().contains("the test rule fails"), byId.get("test.throwing").error());
            assertTrue(byId.get("test.missingClass").error().contains("could not be created"), byId.get("test.missingClass").error());
            assertEquals(2, byId.get("followUpDue").made());
        } finally {
            ReminderSettings.reset("test.throwing");
            ReminderSettings.reset("test.missingClass");
        }
    }
}
