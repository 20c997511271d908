package org.salesbench.opportunities.winprobability.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.eclipse.osgi.util.NLS;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.salesbench.core.time.Clocks;
import org.salesbench.core.registry.LazyContribution;
import org.salesbench.core.security.Action;
import org.salesbench.core.security.SecurityService;
import org.salesbench.opportunities.Opportunity;
import org.salesbench.opportunities.winprobability.ClosedDeal;
import org.salesbench.opportunities.winprobability.Feature;
import org.salesbench.opportunities.winprobability.ModelAccuracy;
import org.salesbench.opportunities.winprobability.ModelInfo;
import org.salesbench.opportunities.winprobability.Prediction;
import org.salesbench.opportunities.winprobability.Reason;
import org.salesbench.opportunities.winprobability.TrainingResult;
import org.salesbench.opportunities.winprobability.WinProbabilityModel;
import org.salesbench.opportunities.winprobability.WinProbabilityModel.Predictor;
import org.salesbench.opportunities.winprobability.WinProbabilityService;
import org.salesbench.persistence.UnitOfWork;

/**
 * Trains contributed models on the closed deals (read with one SQL query), keeps the trained
 * predictors in memory and records every training run (when, how accurate) in SB_WIN_MODEL_RUN,
 * so the accuracy shown survives a restart; the predictor itself is retrained on first use.
 */
@Component(service = WinProbabilityService.class)
public class WinProbabilityServiceImpl implements WinProbabilityService {

    /** Security entity name of the models. */
    static final String ENTITY = "winProbabilityModel";
    /** Share of the most recent closed deals held back to measure a model. */
    static final double HELD_BACK = 0.25;

    private record Trained(Predictor predictor, TrainingResult result) {
    }

    private final UnitOfWork unitOfWork;
    private final SecurityService security;
    private final Clock clock;
    private final Map<String, Trained> trained = new ConcurrentHashMap<>();

    @Activate
    public WinProbabilityServiceImpl(@Reference UnitOfWork unitOfWork, @Reference SecurityService security) {
        this(unitOfWork, security, Clocks.system());
    }

    public WinProbabilityServiceImpl(UnitOfWork unitOfWork, SecurityService security, Clock clock) {
        this.unitOfWork = unitOfWork;
        this.security = security;
        this.clock = clock;
    }

    @Override
    public List<ModelInfo> models() {
        return WinProbabilityModels.all().stream().map(d -> new ModelInfo(d.id(), d.label())).toList();
    }

    @Override
    public String activeModelId() {
        String configured = System.getProperty(MODEL_PROPERTY, DEFAULT_MODEL);
        return WinProbabilityModels.find(configured).isPresent() ? configured : DEFAULT_MODEL;
    }

    @Override
    public TrainingResult train(String modelId) {
        security.check(Action.UPDATE, ENTITY, null);
        return trainModel(modelId);
    }

    /** Trains without the permission check: also what a first prediction does, for any user who may read the deal. */
    private TrainingResult trainModel(String modelId) {
        WinProbabilityModels.Descriptor descriptor = descriptor(modelId);
        WinProbabilityModel model = descriptor.model().get().orElseThrow(() -> unknown(modelId));
        List<ClosedDeal> closed = unitOfWork.read(TrainingData::closedDeals);
        int cut = (int) Math.round(closed.size() * (1 - HELD_BACK));
        List<ClosedDeal> learnFrom = closed.subList(0, cut);
        List<ClosedDeal> heldBack = closed.subList(cut, closed.size());
        Predictor trial = LazyContribution.safeCall(modelId, () -> model.train(learnFrom), null);
        if (trial == null) {
            throw new IllegalStateException(NLS.bind(Messages.Model_failed, descriptor.label()));
        }
        ModelAccuracy accuracy = LazyContribution.safeCall(modelId, () -> ModelAccuracy.evaluate(trial, heldBack, learnFrom.size()), null);
        if (accuracy == null) {
            throw new IllegalStateException(NLS.bind(Messages.Model_failed, descriptor.label()));
        }
        Predictor predictor = LazyContribution.safeCall(modelId, () -> model.train(closed), null);
        if (predictor == null) {
            throw new IllegalStateException(NLS.bind(Messages.Model_failed, descriptor.label()));
        }
        TrainingResult result = new TrainingResult(modelId, clock.instant(), accuracy);
        record(result);
        trained.put(modelId, new Trained(predictor, result));
        return result;
    }

    private void record(TrainingResult result) {
        String login = security.currentUser().login();
        unitOfWork.write(em -> em.createNativeQuery("INSERT INTO SB_WIN_MODEL_RUN (MODEL_ID, TRAINED_AT, TRAINED_BY, AUC, BRIER,"
                + " TRAINING_DEALS, HELD_BACK_DEALS) VALUES (?, ?, ?, ?, ?, ?, ?)").setParameter(1, result.modelId())
                .setParameter(2, Timestamp.from(result.trainedAt())).setParameter(3, login)
                .setParameter(4, finiteOrNull(result.accuracy().auc())).setParameter(5, finiteOrNull(result.accuracy().brier()))
                .setParameter(6, result.accuracy().trainingDeals()).setParameter(7, result.accuracy().heldBackDeals()).executeUpdate());
    }

    private static Double finiteOrNull(double value) {
        return Double.isFinite(value) ? value : null;
    }

    @Override
    public Prediction predict(long opportunityId, String modelId) {
        descriptor(modelId);
        TrainingData.OpenDeal deal = unitOfWork.read(em -> TrainingData.opportunity(em, opportunityId, LocalDate.now(clock)))
                .orElseThrow(() -> new IllegalArgumentException(NLS.bind(Messages.Opportunity_notFound, opportunityId)));
        security.check(Action.READ, Opportunity.ENTITY, deal.owner());
        if (deal.closed()) {
            // won or lost: nothing left to predict, the stage says it
            return new Prediction(modelId, deal.features().stageProbability(),
                    List.of(new Reason(Feature.STAGE, deal.features().stage(), 0)));
        }
        Trained model = trained.get(modelId);
        if (model == null) {
            trainModel(modelId);
            model = trained.get(modelId);
        }
        Predictor predictor = model.predictor();
        Prediction prediction = LazyContribution.safeCall(modelId, () -> predictor.predict(deal.features()), null);
        if (prediction == null) {
            throw new IllegalStateException(NLS.bind(Messages.Model_failed, descriptor(modelId).label()));
        }
        return new Prediction(modelId, prediction.probability(), prediction.reasons());
    }

    @Override
    public Optional<TrainingResult> lastTraining(String modelId) {
        security.check(Action.READ, ENTITY, null);
        Trained model = trained.get(modelId);
        if (model != null) {
            return Optional.of(model.result());
        }
        return unitOfWork.read(em -> {
            @SuppressWarnings("unchecked")
            List<Object[]> rows = em.createNativeQuery("SELECT TRAINED_AT, AUC, BRIER, TRAINING_DEALS, HELD_BACK_DEALS FROM SB_WIN_MODEL_RUN"
                    + " WHERE MODEL_ID = ? ORDER BY ID DESC").setParameter(1, modelId).setMaxResults(1).getResultList();
            return rows.stream().findFirst().map(row -> new TrainingResult(modelId, ((Timestamp) row[0]).toInstant(),
                    new ModelAccuracy(doubleOrNaN(row[1]), doubleOrNaN(row[2]), ((Number) row[3]).intValue(), ((Number) row[4]).intValue())));
        });
    }

    private static double doubleOrNaN(Object value) {
        return value == null ? Double.NaN : ((Number) value).doubleValue();
    }

    private static WinProbabilityModels.Descriptor descriptor(String modelId) {
        return WinProbabilityModels.find(modelId).orElseThrow(() -> unknown(modelId));
    }

    private static IllegalArgumentException unknown(String modelId) {
        return new IllegalArgumentException(NLS.bind(Messages.Model_unknown, modelId));
    }
}
