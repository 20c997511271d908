package org.salesbench.demo.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.eclipse.core.runtime.NullProgressMonitor;
import org.junit.jupiter.api.Test;
import org.salesbench.core.security.LocalSecurityService;
import org.salesbench.core.time.Clocks;
import org.salesbench.demo.DemoDataGenerator;
import org.salesbench.demo.internal.DemoWorkflow;
import org.salesbench.workflow.Task;
import org.salesbench.workflow.TaskFilter;
import org.salesbench.workflow.TaskStatus;
import org.salesbench.workflow.internal.TaskServiceImpl;

/** The demo users' tasks, made through the real task service when the workflow module is there, and cleared by a reset. */
class DemoTasksTest {

    @Test
    void eachDemoUserGetsTasksSomeOverdueSomeDoneAndAResetReplacesThem() {
        try (DemoSalesTest.Stack stack = new DemoSalesTest.Stack()) {
            TaskServiceImpl tasks = new TaskServiceImpl(stack.db, new LocalSecurityService("admin"), (e, c, id) -> { }, Clocks::system);
            stack.demo.setWorkflow(new DemoWorkflow(tasks));
            stack.demo.fill(20, 7L, new NullProgressMonitor());
            int users = DemoDataGenerator.USERS.size();
            assertEquals(users * 8L, tasks.count(TaskFilter.all()));
            Instant now = Instant.now(Clocks.system());
            List<Task> all = tasks.list(TaskFilter.all(), 0, 1000);
            assertEquals(users, all.stream().filter(t -> t.getStatus() == TaskStatus.DONE).count());
            assertTrue(all.stream().filter(t -> t.isOverdue(now)).count() >= users, "two overdue a user, one of them maybe done");
            assertEquals(Set.copyOf(DemoDataGenerator.USERS.stream().map(u -> u[0]).toList()),
                    Set.copyOf(all.stream().map(Task::getAssignee).toList()));

            stack.demo.reset(20, new NullProgressMonitor());
            assertEquals(users * 8L, tasks.count(TaskFilter.all()), "the reset cleared the old ones");
        }
    }
}
