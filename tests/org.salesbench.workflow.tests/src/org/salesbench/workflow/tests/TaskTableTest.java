package org.salesbench.workflow.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.salesbench.core.security.LocalSecurityService;
import org.salesbench.core.time.Clocks;
import org.salesbench.persistence.Database;
import org.salesbench.persistence.DatabaseSettings;
import org.salesbench.workflow.RecordRef;
import org.salesbench.workflow.Task;
import org.salesbench.workflow.TaskComment;
import org.salesbench.workflow.TaskPriority;
import org.salesbench.workflow.TaskStatus;

/** The task tables as the workflow's changelog creates them on Derby: the mapping, and one task per occurrence. */
class TaskTableTest {

    private final Database db = Database.open(DatabaseSettings.inMemory("tasks-" + UUID.randomUUID()),
            new LocalSecurityService("li.na", "李娜"));

    @AfterEach
    void close() {
        db.close();
    }

    private static Task reminder(String key) {
        Task task = new Task("跟进客户：确认预算", new RecordRef("customer", 42), Instant.now(Clocks.system()).plus(Duration.ofDays(1)));
        task.setAssignee("li.na");
        task.setCreatedByRule("followUpDue");
        task.setOccurrenceKey(key);
        return task;
    }

    @Test
    void aTaskAndItsCommentAreStoredWithTheRecordTheyAreAbout() {
        Task saved = db.write(em -> {
            Task task = reminder("followUpDue:customer:42:2026-12-04");
            task.setPriority(TaskPriority.HIGH);
            em.persist(task);
            em.flush();
            em.persist(new TaskComment(task.getId(), "客户说下周再谈"));
            return task;
        });
        Task read = db.read(em -> em.find(Task.class, saved.getId()));
        assertEquals(new RecordRef("customer", 42), read.getRelated());
        assertEquals("li.na", read.getAssignee());
        assertEquals(TaskStatus.OPEN, read.getStatus());
        assertEquals(TaskPriority.HIGH, read.getPriority());
        assertFalse(read.isOverdue(Instant.now(Clocks.system())));
        assertTrue(read.isOverdue(read.getDueAt().plusSeconds(1)));
        assertEquals("客户说下周再谈", db.read(em -> em.createQuery("SELECT c FROM TaskComment c WHERE c.taskId = :t", TaskComment.class)
                .setParameter("t", saved.getId()).getSingleResult()).getBody());
    }

    @Test
    void theDatabaseRefusesASecondTaskForTheSameOccurrence() {
        db.write(em -> {
            em.persist(reminder("followUpDue:customer:42:2026-12-04"));
            return null;
        });
        assertThrows(RuntimeException.class, () -> db.write(em -> {
            em.persist(reminder("followUpDue:customer:42:2026-12-04"));
            return null;
        }));
        // tasks people make carry no key: any number of them
        db.write(em -> {
            em.persist(reminder(null));
            em.persist(reminder(null));
            return null;
        });
        assertEquals(3L, db.read(em -> em.createQuery("SELECT COUNT(t) FROM Task t", Long.class).getSingleResult()));
    }
}
