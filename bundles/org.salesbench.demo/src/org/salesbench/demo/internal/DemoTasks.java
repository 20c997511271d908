package org.salesbench.demo.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Random;

import org.salesbench.customers.Customer;
import org.salesbench.workflow.RecordRef;
import org.salesbench.workflow.Task;
import org.salesbench.workflow.TaskPriority;
import org.salesbench.workflow.TaskService;

/** A few dozen tasks of the demo users about their customers, through {@link TaskService}: some overdue, some done. */
public final class DemoTasks {

    /** Tasks per demo user. */
    public static final int PER_USER = 8;

    private static final String[] TITLES = {"电话回访：确认预算", "发送产品方案", "安排上门拜访", "准备报价单", "跟进合同条款", "邀请参加产品演示",
            "确认决策人", "催收首付款", "整理需求清单", "回复技术问题"};

    private DemoTasks() {
    }

    /** Makes the tasks for each login about customers it owns in {@code sample}; returns how many. */
    public static int create(TaskService tasks, List<String> logins, List<Customer> sample, long seed, Clock clock) {
        Random random = new Random(seed);
        ZoneId zone = clock.getZone();
        LocalDate today = LocalDate.now(clock);
        int made = 0;
        for (String login : logins) {
            List<Customer> own = sample.stream().filter(c -> login.equals(c.getOwner())).limit(PER_USER).toList();
            for (int i = 0; i < PER_USER; i++) {
                // days from today: two overdue, one today, the rest upcoming
                int offset = i < 2 ? -1 - random.nextInt(5) : i == 2 ? 0 : 1 + random.nextInt(14);
                Task task = new Task(TITLES[random.nextInt(TITLES.length)],
                        own.isEmpty() ? null : new RecordRef("customer", own.get(i % own.size()).getId()),
                        today.plusDays(offset).atTime(LocalTime.of(9 + random.nextInt(8), 0)).atZone(zone).toInstant());
                task.setAssignee(login);
                task.setPriority(i == 0 ? TaskPriority.HIGH : TaskPriority.NORMAL);
                Task saved = tasks.create(task);
                if (i == PER_USER - 1) {
                    tasks.complete(saved.getId());
                }
                made++;
            }
        }
        return made;
    }
}
