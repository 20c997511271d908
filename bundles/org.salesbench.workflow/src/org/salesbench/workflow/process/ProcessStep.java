package org.salesbench.workflow.process;

import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;

import org.salesbench.core.model.AbstractEntity;

/**
 * One step of a pipeline's process (lead screening, needs discovery, …): the pipeline stage it is, or the lead stage
 * before conversion ({@link #getStageId()} {@code null}), a checklist of actions, the role that owns the step and a
 * deadline in days (SLA) for a record to leave it. Required items gate a move out of the step: the stage rule
 * {@value ProcessService#STAGE_RULE} refuses it while one is not ticked.
 */
@Entity
@Table(name = "SB_PROCESS_STEP")
public class ProcessStep extends AbstractEntity {

    public static final String ENTITY = "process";

    @Column(name = "PIPELINE_ID", nullable = false)
    private long pipelineId;

    @Column(name = "STAGE_ID")
    private Long stageId;

    @Column(name = "POSITION", nullable = false)
    private int position;

    @Column(name = "NAME", length = 128, nullable = false)
    private String name;

    @Column(name = "NAME_KEY", length = 64)
    private String nameKey;

    @Column(name = "OWNER_ROLE", length = 64)
    private String ownerRole;

    @Column(name = "SLA_DAYS")
    private Integer slaDays;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "SB_PROCESS_ITEM", joinColumns = @JoinColumn(name = "STEP_ID"))
    @OrderColumn(name = "POSITION")
    private List<ChecklistItem> items = new ArrayList<>();

    public ProcessStep() {
    }

    public ProcessStep(String name, Long stageId, String ownerRole, Integer slaDays) {
        this.name = name;
        this.stageId = stageId;
        this.ownerRole = ownerRole;
        this.slaDays = slaDays;
    }

    /** A shipped step: its name is shown in the user's language. */
    public static ProcessStep shipped(String nameKey, String englishName, Long stageId, String ownerRole, Integer slaDays) {
        ProcessStep step = new ProcessStep(englishName, stageId, ownerRole, slaDays);
        step.nameKey = nameKey;
        return step;
    }

    public long getPipelineId() { return pipelineId; }
    public void setPipelineId(long pipelineId) { this.pipelineId = pipelineId; }
    /** The pipeline stage this step is; {@code null} for the lead stage, before a lead becomes an opportunity. */
    public Long getStageId() { return stageId; }
    public void setStageId(Long stageId) { this.stageId = stageId; }
    public boolean isLeadStep() { return stageId == null; }
    public int getPosition() { return position; }
    public void setPosition(int position) { this.position = position; }
    /** The stored (English or user-typed) name; see {@link #getLabel()} for what to show. */
    public String getName() { return name; }
    /** Renaming drops the name key: the user's words win over the shipped translation. */
    public void setName(String name) {
        if (name != null && !name.equals(this.name)) {
            nameKey = null;
        }
        this.name = name;
    }
    public String getNameKey() { return nameKey; }

    /** Takes the name of {@code other}, stripped, with its key: a shipped step stays translated until renamed. */
    public void takeNameOf(ProcessStep other) {
        this.name = other.name == null ? null : other.name.strip();
        this.nameKey = other.nameKey;
    }
    /** The role whose holders own the step, e.g. {@code sales_rep}; {@code null} for none. */
    public String getOwnerRole() { return ownerRole; }
    public void setOwnerRole(String ownerRole) { this.ownerRole = ownerRole; }
    /** Days a record may stay in the step before it is overdue; {@code null} for no deadline. */
    public Integer getSlaDays() { return slaDays; }
    public void setSlaDays(Integer slaDays) { this.slaDays = slaDays; }
    /** The checklist in order. */
    public List<ChecklistItem> getItems() { return items; }

    public ProcessStep addItem(ChecklistItem item) {
        items.add(item);
        return this;
    }

    /** The name to show, in the user's language for shipped steps. */
    public String getLabel() {
        return ProcessNames.label(nameKey, name);
    }
}
