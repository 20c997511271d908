package org.salesbench.workflow;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Tasks: made by people, reminder rules and automation rules; listed, completed, snoozed, reassigned, commented.
 * Every call checks the current user's rights on {@link Task#ENTITY} against the task's stored owner (its assignee),
 * and posts an event on the {@code task} topic after commit.
 */
public interface TaskService {

    /** Saves a new task; its assignee defaults to the current user. Refuses a blank title or an unknown assignee. */
    Task create(Task task);

    /**
     * Saves a rule's task unless a task with the same {@link Task#getOccurrenceKey() occurrence key} exists, in which
     * case nothing changes: safe to call again on every run, from any client, concurrently.
     *
     * @return the new task, or empty when the occurrence had its task already
     */
    Optional<Task> createOnce(Task task);

    Optional<Task> find(long id);

    /** Tasks the current user may read that match, soonest due first (tasks without a due time last). */
    List<Task> list(TaskFilter filter, int offset, int limit);

    /** Tasks the current user may read that match, in {@code sort}'s order (the database's), ties by id. */
    List<Task> list(TaskFilter filter, TaskSort sort, int offset, int limit);

    long count(TaskFilter filter);

    Task complete(long id);

    Task cancel(long id);

    /** Moves the task's reminder (and its due time, if that is earlier) to {@code until}. */
    Task snooze(long id, Instant until);

    /** Gives the task to another person, who must be an active user. */
    Task reassign(long id, String assignee);

    TaskComment comment(long taskId, String body);

    /** A task's comments, oldest first. */
    List<TaskComment> comments(long taskId);

    /** Deletes the tasks (and their comments) of these assignees, as the demo data's reset does; returns how many. */
    int purgeOwnedBy(Collection<String> assignees);
}
