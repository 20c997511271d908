/**
 * Win probabilities of open opportunities, learned from the closed ones.
 * <p>
 * {@link org.salesbench.opportunities.winprobability.WinProbabilityService} trains the models
 * contributed to the extension point {@code org.salesbench.opportunities.winProbabilityModels}
 * (built in: the stage default and a logistic regression on stage, age, amount band, source,
 * industry and activity count), measures each on the most recent quarter of closed deals (AUC and
 * Brier score) and predicts an open opportunity's probability with its main
 * {@link org.salesbench.opportunities.winprobability.Reason reasons}. Add-ons implement
 * {@link org.salesbench.opportunities.winprobability.WinProbabilityModel}.
 */
package org.salesbench.opportunities.winprobability;
