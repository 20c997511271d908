package org.salesbench.workflow.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.io.IOException;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.CalendarComponent;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.salesbench.cli.CliCommand;
import org.salesbench.cli.CommandException;
import org.salesbench.core.security.SecurityService;
import org.salesbench.core.time.Clocks;
import org.salesbench.customers.Activity;
import org.salesbench.customers.ActivityType;
import org.salesbench.customers.Customer;
import org.salesbench.customers.CustomerService;
import org.salesbench.customers.CustomerStatus;
import org.salesbench.customers.internal.CustomerServiceImpl;
import org.salesbench.testing.CommandRunner;
import org.salesbench.workflow.RecordRef;
import org.salesbench.workflow.Task;
import org.salesbench.workflow.TaskCalendar;
import org.salesbench.workflow.TaskService;
import org.salesbench.workflow.internal.TaskCalendarImpl;
import org.salesbench.core.validation.FieldError;
import org.salesbench.core.validation.ValidationException;
import org.salesbench.workflow.internal.cli.TasksCommand;

/** {@code tasks export F.ics} read back with iCal4j, and {@code tasks import F.ics} of meetings, on Derby. */
class IcsCalendarTest {

    private final TaskFixture fx = new TaskFixture().users("li.na", "wang.wei");
    private final CustomerServiceImpl customers = new CustomerServiceImpl(fx.db, fx.people, (entity, change, id) -> {
    });
    private CommandRunner cli;

    @TempDir
    Path dir;

    @AfterEach
    void close() {
        fx.close();
    }

    private int run(String... args) throws CommandException {
        cli = new CommandRunner(new TasksCommand(), fx.db).with(TaskService.class, fx.tasks).with(CustomerService.class, customers)
                .with(SecurityService.class, fx.people).with(TaskCalendar.class, new TaskCalendarImpl(fx.db, fx.tasks, customers, ZoneId.systemDefault()));
        return cli.run(args);
    }

    private Customer customer() {
        Customer c = new Customer("青岛海湾化工");
        c.setStatus(CustomerStatus.ACTIVE);
        return customers.create(c);
    }

    @Test
    void exportedTasksAndActivitiesParseBackWithIcal4j() throws Exception {
        Instant due = Instant.now(Clocks.system()).plus(Duration.ofDays(2)).truncatedTo(ChronoUnit.SECONDS);
        Task call = new Task("回访：确认报价", new RecordRef("customer", 3), due);
        call.setAssignee("li.na");
        call = fx.tasks.create(call);
        Task done = new Task("Send the brochure", new RecordRef("customer", 3), due);
        done.setAssignee("li.na");
        done = fx.tasks.create(done);
        fx.tasks.complete(done.getId());
        Customer customer = customer();
        customers.logActivity(customer.getId(), new Activity(ActivityType.VISIT, LocalDateTime.of(2026, 12, 8, 10, 30), "现场拜访"));

        Path file = dir.resolve("tasks.ics");
        assertEquals(CliCommand.OK, run("export", file.toString(), "--customer", Long.toString(customer.getId())));
        assertTrue(cli.err().contains("1 tasks and 1 activities"), cli.err());
        Calendar calendar;
        try (InputStream in = Files.newInputStream(file)) {
            calendar = new CalendarBuilder().build(in);
        }
        List<CalendarComponent> todos = calendar.getComponents(Component.VTODO);
        assertEquals(List.of("回访：确认报价"), todos.stream().map(t -> value(t, Property.SUMMARY)).toList(), "open tasks only");
        assertEquals("task-" + call.getId() + "@salesbench", value(todos.get(0), Property.UID));
        assertEquals("NEEDS-ACTION", value(todos.get(0), Property.STATUS));
        assertEquals(due.atOffset(ZoneOffset.UTC).toInstant(), Instant.from(java.time.format.DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmssX")
                .parse(value(todos.get(0), Property.DUE))));
        List<CalendarComponent> events = calendar.getComponents(Component.VEVENT);
        assertEquals(1, events.size());
        assertEquals("现场拜访 (青岛海湾化工)", value(events.get(0), Property.SUMMARY));

        assertEquals(CliCommand.OK, run("export", file.toString(), "--all"));
        try (InputStream in = Files.newInputStream(file)) {
            calendar = new CalendarBuilder().build(in);
        }
        assertEquals(Set.of("NEEDS-ACTION", "COMPLETED"), calendar.getComponents(Component.VTODO).stream().map(t -> value((Component) t, Property.STATUS))
                .collect(Collectors.toSet()));
    }

    @Test
    void meetingsOfAnIcsFileAreLoggedAsActivitiesAndABrokenFileLogsNothing() throws Exception {
        Customer customer = customer();
        Path file = dir.resolve("meetings.ics");
        Files.writeString(file, String.join("\r\n", "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Test//Calendar//EN",
                "BEGIN:VEVENT", "UID:m1@example.org", "DTSTAMP:20261201T080000Z", "DTSTART:20261210T020000Z", "DTEND:20261210T030000Z",
                "SUMMARY:技术交流会", "DESCRIPTION:带上方案", "END:VEVENT",
                "BEGIN:VEVENT", "UID:m2@example.org", "DTSTAMP:20261201T080000Z", "DTSTART;VALUE=DATE:20261215", "SUMMARY:年终答谢", "END:VEVENT",
                "END:VCALENDAR", ""), StandardCharsets.UTF_8);
        assertEquals(CliCommand.OK, run("import", file.toString(), "--customer", Long.toString(customer.getId())));
        List<Activity> logged = customers.find(customer.getId()).orElseThrow().getActivities();
        assertEquals(2, logged.size(), logged.toString());
        Activity first = logged.stream().filter(a -> a.getSummary().equals("技术交流会")).findFirst().orElseThrow();
        assertEquals(ActivityType.MEETING, first.getType());
        assertEquals(LocalDateTime.ofInstant(Instant.parse("2026-12-10T02:00:00Z"), ZoneId.systemDefault()), first.getOccurredAt());
        assertEquals("带上方案", first.getOutcome());
        assertTrue(logged.stream().anyMatch(a -> a.getSummary().equals("年终答谢") && a.getOccurredAt().equals(LocalDateTime.of(2026, 12, 15, 0, 0))));

        Path broken = dir.resolve("broken.ics");
        Files.writeString(broken, "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nSUMMARY:半截\r\n", StandardCharsets.UTF_8);
        CommandException refused = assertThrows(CommandException.class, () -> run("import", broken.toString(), "--customer",
                Long.toString(customer.getId())));
        assertTrue(refused.getMessage().contains("broken.ics"), refused.getMessage());
        assertEquals(2, customers.find(customer.getId()).orElseThrow().getActivities().size(), "nothing of the broken file logged");
        assertThrows(CommandException.class, () -> run("import", file.toString()), "the customer is required");
    }

    /** Three meetings; the third with a description longer than an activity's outcome column. */
    private Path threeMeetings() throws IOException {
        Path file = dir.resolve("three.ics");
        Files.writeString(file, String.join("\r\n", "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Test//Calendar//EN",
                "BEGIN:VEVENT", "UID:t1@example.org", "DTSTAMP:20261201T080000Z", "DTSTART:20261210T020000Z", "SUMMARY:需求调研", "END:VEVENT",
                "BEGIN:VEVENT", "UID:t2@example.org", "DTSTAMP:20261201T080000Z", "DTSTART:20261211T020000Z", "SUMMARY:方案评审", "END:VEVENT",
                "BEGIN:VEVENT", "UID:t3@example.org", "DTSTAMP:20261201T080000Z", "DTSTART:20261212T020000Z", "SUMMARY:商务谈判",
                "DESCRIPTION:" + "议程".repeat(750), "END:VEVENT", "END:VCALENDAR", ""), StandardCharsets.UTF_8);
        return file;
    }

    @Test
    void aMeetingRefusedPartWayLeavesNoneOfTheFileLogged() throws Exception {
        Customer customer = customer();
        Path file = threeMeetings();
        // the customer service refuses the third meeting, as a field rule of the user's roles would
        int[] calls = { 0 };
        CustomerService refusingThird = (CustomerService) Proxy.newProxyInstance(CustomerService.class.getClassLoader(),
                new Class<?>[] { CustomerService.class }, (proxy, method, args) -> {
                    if (method.getName().equals("logActivity") && ++calls[0] == 3) {
                        throw new ValidationException(List.of(new FieldError("outcome", "你不可填写结果", null)));
                    }
                    try {
                        return method.invoke(customers, args);
                    } catch (java.lang.reflect.InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
        TaskCalendar calendar = new TaskCalendarImpl(fx.db, fx.tasks, refusingThird, ZoneId.systemDefault());
        ValidationException refused = assertThrows(ValidationException.class, () -> calendar.importMeetings(file, customer.getId()));
        String message = refused.getErrors().get(0).message();
        assertTrue(message.contains("three.ics") && message.contains("3") && message.contains("商务谈判") && message.contains("你不可填写结果"), message);
        assertEquals(3, calls[0]);
        assertEquals(List.of(), customers.find(customer.getId()).orElseThrow().getActivities(), "the two meetings before it were not kept");

        // the same file through the real service: all three, the long description cut to the outcome column's length
        assertEquals(3, new TaskCalendarImpl(fx.db, fx.tasks, customers, ZoneId.systemDefault()).importMeetings(file, customer.getId()));
        List<Activity> logged = customers.find(customer.getId()).orElseThrow().getActivities();
        assertEquals(3, logged.size(), logged.toString());
        assertEquals(1000, logged.stream().filter(a -> a.getSummary().equals("商务谈判")).findFirst().orElseThrow().getOutcome().length());
    }

    private static String value(Component component, String property) {
        return component.getProperty(property).map(p -> ((Property) p).getValue()).orElse(null);
    }
}
