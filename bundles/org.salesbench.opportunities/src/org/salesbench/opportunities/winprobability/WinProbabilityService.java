package org.salesbench.opportunities.winprobability;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Win probabilities of open opportunities, learned from the closed ones in the database. Models
 * come through the extension point {@code org.salesbench.opportunities.winProbabilityModels};
 * the active one is chosen by the system property {@value #MODEL_PROPERTY} (default
 * {@value #DEFAULT_MODEL}). Training reads the closed deals with aggregate SQL, never entity by
 * entity; it runs on demand and nightly.
 */
public interface WinProbabilityService {

    String MODEL_PROPERTY = "salesbench.winProbability.model";
    String DEFAULT_MODEL = "org.salesbench.opportunities.winProbability.logistic";
    String STAGE_DEFAULT_MODEL = "org.salesbench.opportunities.winProbability.stageDefault";

    /** The contributed models, in their order. */
    List<ModelInfo> models();

    /** The model {@link #predict(long)} uses. */
    String activeModelId();

    /** Trains the active model. */
    default TrainingResult train() {
        return train(activeModelId());
    }

    /**
     * Trains {@code modelId} on all closed opportunities and measures it on the most recent 25 %.
     *
     * @throws IllegalArgumentException if no such model is contributed
     */
    TrainingResult train(String modelId);

    /** The active model's estimate for an open opportunity; trains the model first if it never was. */
    default Prediction predict(long opportunityId) {
        return predict(opportunityId, activeModelId());
    }

    /**
     * {@code modelId}'s estimate for an opportunity (trained first if it never was).
     *
     * @throws IllegalArgumentException if there is no such opportunity or model
     */
    Prediction predict(long opportunityId, String modelId);

    /** When the model was last trained, if it was since the application started. */
    default Optional<Instant> lastTrainedAt(String modelId) {
        return lastTraining(modelId).map(TrainingResult::trainedAt);
    }

    /** Its accuracy on held-back deals at its last training. */
    default Optional<ModelAccuracy> accuracy(String modelId) {
        return lastTraining(modelId).map(TrainingResult::accuracy);
    }

    Optional<TrainingResult> lastTraining(String modelId);
}
