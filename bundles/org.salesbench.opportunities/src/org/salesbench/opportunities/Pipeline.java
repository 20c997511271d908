package org.salesbench.opportunities;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;

import org.salesbench.core.model.AbstractEntity;

/**
 * A sales process (new business, renewal, channel, …): ordered stages an opportunity moves
 * through. Edited at run time through {@code PipelineService}.
 */
@Entity
@Table(name = "SB_PIPELINE")
public class Pipeline extends AbstractEntity {

    public static final String ENTITY = "pipeline";

    @Column(name = "NAME", length = 128, nullable = false)
    private String name;

    /** Set on pipelines shipped with Salesbench: the name is then shown translated. */
    @Column(name = "NAME_KEY", length = 64)
    private String nameKey;

    @Column(name = "POSITION", nullable = false)
    private int position;

    @Column(name = "ACTIVE", nullable = false)
    private boolean active = true;

    @OneToMany(mappedBy = "pipeline", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("position ASC")
    private List<Stage> stages = new ArrayList<>();

    public Pipeline() {
    }

    public Pipeline(String name) {
        this.name = name;
    }

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
    public boolean isActive() { return active; }
    public void setActive(boolean active) { this.active = active; }
    /** The stages in order. Add with {@link #addStage}; the service renumbers positions on save. */
    public List<Stage> getStages() { return stages; }

    public Stage addStage(Stage stage) {
        stage.setPipeline(this);
        stages.add(stage);
        return stage;
    }

    /** Replaces the stages with the given ones, in this order (an editor's reordered list). */
    public void setStages(List<Stage> newStages) {
        List<Stage> copy = new ArrayList<>(newStages);
        stages.clear();
        copy.forEach(this::addStage);
    }

    /** The first stage of the given kind, e.g. where new opportunities start ({@link StageKind#OPEN}). */
    public Optional<Stage> firstStage(StageKind kind) {
        return stages.stream().filter(s -> s.getKind() == kind).findFirst();
    }

    /** The name to show, in the user's language for shipped pipelines. */
    public String getLabel() {
        return SeedNames.label(nameKey, name);
    }
}
