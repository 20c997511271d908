package org.salesbench.workflow;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import org.salesbench.core.model.AbstractEntity;

/** A remark on a task, in the order written; its author is {@link #getCreatedBy()}. */
@Entity
@Table(name = "SB_TASK_COMMENT")
public class TaskComment extends AbstractEntity {

    @Column(name = "TASK_ID", nullable = false)
    private long taskId;

    @Column(name = "BODY", length = 2000, nullable = false)
    private String body;

    public TaskComment() {
    }

    public TaskComment(long taskId, String body) {
        this.taskId = taskId;
        this.body = body;
    }

    public long getTaskId() {
        return taskId;
    }

    public String getBody() {
        return body;
    }
}
