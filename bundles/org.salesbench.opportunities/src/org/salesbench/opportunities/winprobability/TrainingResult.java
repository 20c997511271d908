package org.salesbench.opportunities.winprobability;

import java.time.Instant;

/**
 * The outcome of training one model.
 *
 * @param modelId   the model
 * @param trainedAt when training finished
 * @param accuracy  measured on the most recent quarter of closed deals, held back from a first
 *                  training run; the predictor in use was then trained on all closed deals
 */
public record TrainingResult(String modelId, Instant trainedAt, ModelAccuracy accuracy) {
}
