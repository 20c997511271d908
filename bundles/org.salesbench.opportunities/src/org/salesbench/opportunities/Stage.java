package org.salesbench.opportunities;

import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;

import org.salesbench.core.model.AbstractEntity;

/**
 * One step of a {@link Pipeline}: a name, its place, the probability an opportunity gets on
 * entering it, whether it is open, won or lost, and the ids of the {@link StageRule}s an
 * opportunity must pass to enter it (e.g. {@link StageRule#QUOTE} for Negotiation).
 */
@Entity
@Table(name = "SB_STAGE")
public class Stage extends AbstractEntity {

    @ManyToOne(optional = false)
    @JoinColumn(name = "PIPELINE_ID", nullable = false)
    private Pipeline pipeline;

    @Column(name = "NAME", length = 128, nullable = false)
    private String name;

    @Column(name = "NAME_KEY", length = 64)
    private String nameKey;

    @Column(name = "POSITION", nullable = false)
    private int position;

    /** Percent, 0 to 100. */
    @Column(name = "PROBABILITY", nullable = false)
    private int probability;

    @Enumerated(EnumType.STRING)
    @Column(name = "KIND", length = 8, nullable = false)
    private StageKind kind = StageKind.OPEN;

    @ElementCollection
    @CollectionTable(name = "SB_STAGE_RULE", joinColumns = @JoinColumn(name = "STAGE_ID"))
    @OrderColumn(name = "POSITION")
    @Column(name = "RULE_ID", length = 64)
    private List<String> requiredRules = new ArrayList<>();

    public Stage() {
    }

    public Stage(String name, int probability, StageKind kind) {
        this.name = name;
        this.probability = probability;
        this.kind = kind;
    }

    public Pipeline getPipeline() { return pipeline; }
    void setPipeline(Pipeline pipeline) { this.pipeline = pipeline; }
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
    public int getPosition() { return position; }
    public void setPosition(int position) { this.position = position; }
    public int getProbability() { return probability; }
    public void setProbability(int probability) { this.probability = probability; }
    public StageKind getKind() { return kind; }
    public void setKind(StageKind kind) { this.kind = kind; }
    /** Ids of the rules checked before an opportunity enters this stage. */
    public List<String> getRequiredRules() { return requiredRules; }

    public boolean isClosed() {
        return kind != StageKind.OPEN;
    }

    /** The name to show, in the user's language for shipped stages. */
    public String getLabel() {
        return SeedNames.label(nameKey, name);
    }
}
