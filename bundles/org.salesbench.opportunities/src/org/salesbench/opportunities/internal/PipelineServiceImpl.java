package org.salesbench.opportunities.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.persistence.EntityManager;

import org.eclipse.osgi.util.NLS;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.salesbench.core.events.DomainEventPublisher;
import org.salesbench.core.events.EventTopics.Change;
import org.salesbench.core.security.Action;
import org.salesbench.core.security.SecurityService;
import org.salesbench.core.validation.FieldError;
import org.salesbench.core.validation.ValidationException;
import org.salesbench.core.validation.Validator;
import org.salesbench.opportunities.Pipeline;
import org.salesbench.opportunities.PipelineService;
import org.salesbench.opportunities.Stage;
import org.salesbench.opportunities.StageKind;
import org.salesbench.persistence.MaskingViews;
import org.salesbench.persistence.UnitOfWork;

/** Pipelines and stages, read from the database on every call so edits apply at once. */
@Component(service = PipelineService.class)
public class PipelineServiceImpl implements PipelineService {

    private final UnitOfWork unitOfWork;
    private final SecurityService security;
    private final DomainEventPublisher events;

    @Activate
    public PipelineServiceImpl(@Reference UnitOfWork unitOfWork, @Reference SecurityService security,
            @Reference DomainEventPublisher events) {
        this.unitOfWork = unitOfWork;
        this.security = security;
        this.events = events;
    }

    @Override
    public List<Pipeline> pipelines(boolean activeOnly) {
        security.check(Action.READ, Pipeline.ENTITY, null);
        return unitOfWork.read(em -> {
            List<Pipeline> pipelines = em.createQuery("SELECT p FROM Pipeline p" + (activeOnly ? " WHERE p.active = TRUE" : "")
                    + " ORDER BY p.position, p.id", Pipeline.class).getResultList();
            pipelines.forEach(PipelineServiceImpl::load);
            return pipelines;
        });
    }

    static Pipeline load(Pipeline pipeline) {
        pipeline.getStages().forEach(s -> s.getRequiredRules().size());
        return pipeline;
    }

    @Override
    public Set<Long> pipelinesWithAStageLacking(String ruleId) {
        security.check(Action.READ, Pipeline.ENTITY, null);
        Set<Long> ids = new HashSet<>();
        for (Object[] row : unitOfWork.rows("SELECT DISTINCT s.PIPELINE_ID FROM SB_STAGE s WHERE NOT EXISTS (SELECT 1 FROM SB_STAGE_RULE r"
                + " WHERE r.STAGE_ID = s.ID AND r.RULE_ID = ?)", List.of(ruleId), 0, -1)) {
            ids.add(((Number) row[0]).longValue());
        }
        return ids;
    }

    @Override
    public Optional<Pipeline> find(long id) {
        security.check(Action.READ, Pipeline.ENTITY, null);
        return unitOfWork.read(em -> Optional.ofNullable(em.find(Pipeline.class, id)).map(PipelineServiceImpl::load));
    }

    @Override
    public Optional<Stage> findStage(long stageId) {
        security.check(Action.READ, Pipeline.ENTITY, null);
        return unitOfWork.read(em -> Optional.ofNullable(em.find(Stage.class, stageId)).map(s -> {
            load(s.getPipeline());
            return s;
        }));
    }

    @Override
    public Pipeline create(Pipeline pipeline) {
        security.check(Action.CREATE, Pipeline.ENTITY, null);
        prepare(pipeline);
        validate(pipeline);
        return unitOfWork.write(em -> {
            if (pipeline.getPosition() == 0) {
                Number max = (Number) MaskingViews.query(em, "SELECT MAX(POSITION) FROM {SB_PIPELINE}").getSingleResult();
                pipeline.setPosition(max == null ? 0 : max.intValue() + 1);
            }
            em.persist(pipeline);
            unitOfWork.afterCommit(() -> events.publish(Pipeline.ENTITY, Change.CREATED, pipeline.getId()));
            return pipeline;
        });
    }

    @Override
    public Pipeline update(Pipeline pipeline) {
        security.check(Action.UPDATE, Pipeline.ENTITY, pipeline.getOwner());
        prepare(pipeline);
        validate(pipeline);
        return unitOfWork.write(em -> {
            Pipeline stored = em.find(Pipeline.class, pipeline.getId());
            if (stored == null) {
                throw new ValidationException(List.of(new FieldError("id", NLS.bind(Messages.Pipeline_notFound, pipeline.getId()), pipeline.getId())));
            }
            Set<Long> kept = new HashSet<>();
            pipeline.getStages().stream().map(Stage::getId).filter(id -> id != null).forEach(kept::add);
            Validator v = new Validator();
            for (Stage old : stored.getStages()) {
                if (!kept.contains(old.getId()) && stageInUse(em, old.getId())) {
                    v.add("stages", Messages.Stage_inUse, Messages.Pipeline_stages, old.getLabel());
                }
            }
            v.throwIfInvalid();
            Map<Long, String> placesBefore = new HashMap<>();
            stored.getStages().forEach(st -> placesBefore.put(st.getId(), place(st)));
            Pipeline merged = em.merge(pipeline);
            if (merged.getStages().stream().anyMatch(st -> st.getId() != null && placesBefore.containsKey(st.getId())
                    && !placesBefore.get(st.getId()).equals(place(st)))) {
                em.flush(); // the new positions and kinds, for the recomputation to read
                recomputeReachedPositions(em, merged.getId());
            }
            unitOfWork.afterCommit(() -> events.publish(Pipeline.ENTITY, Change.UPDATED, merged.getId()));
            return load(merged);
        });
    }

    /** Where a stage stands for the deals' furthest position: its position and whether it is a lost stage. */
    private static String place(Stage stage) {
        return stage.getPosition() + ":" + (stage.getKind() == StageKind.LOST);
    }

    /**
     * SB_OPPORTUNITY.REACHED_POSITION (the highest position of a non-lost stage in a deal's history, kept by a
     * trigger on history inserts) of the pipeline's deals, again from their history after its stages moved.
     */
    private static void recomputeReachedPositions(EntityManager em, long pipelineId) {
        MaskingViews.query(em, "UPDATE SB_OPPORTUNITY SET REACHED_POSITION = (SELECT MAX(s.POSITION) FROM SB_STAGE_HISTORY h"
                + " JOIN SB_STAGE s ON s.ID = h.TO_STAGE_ID WHERE h.OPPORTUNITY_ID = SB_OPPORTUNITY.ID AND s.KIND <> 'LOST')"
                + " WHERE PIPELINE_ID = ?").setParameter(1, pipelineId).executeUpdate();
    }

    private static boolean stageInUse(EntityManager em, long stageId) {
        Number used = (Number) MaskingViews.query(em, "SELECT COUNT(*) FROM {SB_OPPORTUNITY} WHERE STAGE_ID = ?").setParameter(1, stageId)
                .getSingleResult();
        Number history = (Number) MaskingViews.query(em, "SELECT COUNT(*) FROM SB_STAGE_HISTORY WHERE FROM_STAGE_ID = ? OR TO_STAGE_ID = ?")
                .setParameter(1, stageId).setParameter(2, stageId).getSingleResult();
        return used.longValue() > 0 || history.longValue() > 0;
    }

    @Override
    public void delete(long id) {
        unitOfWork.write(em -> {
            Pipeline pipeline = em.find(Pipeline.class, id);
            if (pipeline == null) {
                throw new ValidationException(List.of(new FieldError("id", NLS.bind(Messages.Pipeline_notFound, id), id)));
            }
            security.check(Action.DELETE, Pipeline.ENTITY, pipeline.getOwner());
            Number count = (Number) MaskingViews.query(em, "SELECT COUNT(*) FROM {SB_OPPORTUNITY} WHERE PIPELINE_ID = ?").setParameter(1, id)
                    .getSingleResult();
            if (count.longValue() > 0) {
                throw new ValidationException(List.of(new FieldError("id", NLS.bind(Messages.Pipeline_inUse, pipeline.getLabel(), count), id)));
            }
            em.remove(pipeline);
            unitOfWork.afterCommit(() -> events.publish(Pipeline.ENTITY, Change.DELETED, id));
            return null;
        });
    }

    /** Trims names and numbers the stages in list order. */
    private static void prepare(Pipeline pipeline) {
        if (pipeline.getName() != null) {
            pipeline.setName(pipeline.getName().strip());
        }
        pipeline.setStages(pipeline.getStages()); // sets the back reference of stages added to the list directly
        List<Stage> stages = pipeline.getStages();
        for (int i = 0; i < stages.size(); i++) {
            Stage stage = stages.get(i);
            stage.setPosition(i);
            if (stage.getName() != null) {
                stage.setName(stage.getName().strip());
            }
            List<String> rules = new ArrayList<>();
            stage.getRequiredRules().stream().map(String::strip).filter(r -> !r.isEmpty() && !rules.contains(r)).forEach(rules::add);
            stage.getRequiredRules().clear();
            stage.getRequiredRules().addAll(rules);
        }
    }

    @Override
    public void validate(Pipeline pipeline) {
        Validator v = new Validator();
        if (v.required("name", Messages.Pipeline_name, pipeline.getName())) {
            v.maxLength("name", Messages.Pipeline_name, pipeline.getName(), 128);
        }
        List<Stage> stages = pipeline.getStages();
        if (v.required("stages", Messages.Pipeline_stages, stages)) {
            Set<String> names = new HashSet<>();
            for (int i = 0; i < stages.size(); i++) {
                Stage stage = stages.get(i);
                String prefix = "stages[" + i + "].";
                if (v.required(prefix + "name", Messages.Stage_name, stage.getName())) {
                    v.maxLength(prefix + "name", Messages.Stage_name, stage.getName(), 128);
                    if (!names.add(stage.getName().toLowerCase())) {
                        v.add(prefix + "name", Messages.Pipeline_duplicateStage, Messages.Stage_name, stage.getName());
                    }
                }
                if (stage.getProbability() < 0 || stage.getProbability() > 100) {
                    v.add(prefix + "probability", Messages.Probability_range, Messages.Stage_probability, stage.getProbability());
                }
                v.required(prefix + "kind", Messages.Stage_kind, stage.getKind());
                stage.getRequiredRules().forEach(r -> v.maxLength(prefix + "requiredRules", Messages.Stage_rule, r, 64));
            }
            if (stages.stream().noneMatch(s -> s.getKind() == StageKind.OPEN)) {
                v.add("stages", Messages.Pipeline_needsOpenStage, Messages.Pipeline_stages);
            }
            if (stages.stream().noneMatch(s -> s.getKind() == StageKind.WON) || stages.stream().noneMatch(s -> s.getKind() == StageKind.LOST)) {
                v.add("stages", Messages.Pipeline_needsWonAndLost, Messages.Pipeline_stages);
            }
        }
        v.throwIfInvalid();
    }
}
