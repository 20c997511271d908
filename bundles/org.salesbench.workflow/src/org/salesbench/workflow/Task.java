package org.salesbench.workflow;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

import org.salesbench.core.model.AbstractEntity;

/**
 * Something a person has to do, by a time, about a record: a follow-up call, a quote to send, an approval to give.
 * The assignee is the record's {@linkplain #getOwner() owner}, so a rep sees their own tasks and a manager their team's,
 * by the same rules (and, on a team server, the same row-level security) as every other record.
 * <p>
 * A task made by a reminder rule or an automation rule carries the rule's id in {@link #getCreatedByRule()} and a
 * {@link #getOccurrenceKey() key} unique among all tasks, so the same reminder never makes a second task, whichever
 * client runs the rule and however often.
 */
@Entity
@Table(name = "SB_TASK")
public class Task extends AbstractEntity {

    public static final String ENTITY = "task";

    @Column(name = "TITLE", length = 200, nullable = false)
    private String title;

    @Column(name = "DESCRIPTION", length = 2000)
    private String description;

    /** The entity type of the record the task is about, or null for a task about nothing in particular. */
    @Column(name = "RELATED_ENTITY", length = 64)
    private String relatedEntity;

    @Column(name = "RELATED_ID")
    private Long relatedId;

    @Column(name = "DUE_AT")
    private Instant dueAt;

    /** When the task asks for attention again after a snooze; null when it was never snoozed. */
    @Column(name = "REMIND_AT")
    private Instant remindAt;

    @Enumerated(EnumType.STRING)
    @Column(name = "PRIORITY", length = 16, nullable = false)
    private TaskPriority priority = TaskPriority.NORMAL;

    @Enumerated(EnumType.STRING)
    @Column(name = "STATUS", length = 16, nullable = false)
    private TaskStatus status = TaskStatus.OPEN;

    @Column(name = "COMPLETED_AT")
    private Instant completedAt;

    @Column(name = "COMPLETED_BY", length = 64)
    private String completedBy;

    /** The id of the reminder or automation rule that made the task; null for a task a person made. */
    @Column(name = "CREATED_BY_RULE", length = 64)
    private String createdByRule;

    /** Unique among tasks when set: what makes a rule's task for one occurrence happen once. */
    @Column(name = "OCCURRENCE_KEY", length = 255, unique = true)
    private String occurrenceKey;

    public Task() {
    }

    public Task(String title, RecordRef related, Instant dueAt) {
        this.title = title;
        setRelated(related);
        this.dueAt = dueAt;
    }

    public String getTitle() {
        return title;
    }

    public void setTitle(String title) {
        this.title = title;
    }

    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description;
    }

    /** The record the task is about, or null. */
    public RecordRef getRelated() {
        return relatedEntity == null || relatedId == null ? null : new RecordRef(relatedEntity, relatedId);
    }

    public void setRelated(RecordRef related) {
        this.relatedEntity = related == null ? null : related.entity();
        this.relatedId = related == null ? null : related.id();
    }

    /** The person who has to do it: the task's owner. */
    public String getAssignee() {
        return getOwner();
    }

    public void setAssignee(String assignee) {
        setOwner(assignee);
    }

    public Instant getDueAt() {
        return dueAt;
    }

    public void setDueAt(Instant dueAt) {
        this.dueAt = dueAt;
    }

    public Instant getRemindAt() {
        return remindAt;
    }

    public void setRemindAt(Instant remindAt) {
        this.remindAt = remindAt;
    }

    public TaskPriority getPriority() {
        return priority;
    }

    public void setPriority(TaskPriority priority) {
        this.priority = priority;
    }

    public TaskStatus getStatus() {
        return status;
    }

    public void setStatus(TaskStatus status) {
        this.status = status;
    }

    public Instant getCompletedAt() {
        return completedAt;
    }

    public void setCompletedAt(Instant completedAt) {
        this.completedAt = completedAt;
    }

    public String getCompletedBy() {
        return completedBy;
    }

    public void setCompletedBy(String completedBy) {
        this.completedBy = completedBy;
    }

    public String getCreatedByRule() {
        return createdByRule;
    }

    public void setCreatedByRule(String createdByRule) {
        this.createdByRule = createdByRule;
    }

    public String getOccurrenceKey() {
        return occurrenceKey;
    }

    public void setOccurrenceKey(String occurrenceKey) {
        this.occurrenceKey = occurrenceKey;
    }

    /** Open and past its due time at {@code now}. */
    public boolean isOverdue(Instant now) {
        return status == TaskStatus.OPEN && dueAt != null && dueAt.isBefore(now);
    }
}
