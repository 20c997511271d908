package org.salesbench.opportunities.winprobability;

import org.eclipse.osgi.util.NLS;
import org.salesbench.opportunities.winprobability.internal.Messages;

/** The facts a reason can name. */
public enum Feature {
    STAGE(Messages.Feature_stage),
    AGE(Messages.Feature_age),
    AMOUNT_BAND(Messages.Feature_amountBand),
    SOURCE(Messages.Feature_source),
    INDUSTRY(Messages.Feature_industry),
    ACTIVITIES(Messages.Feature_activities);

    private final String pattern;

    Feature(String pattern) {
        this.pattern = pattern;
    }

    /** The feature with its value as users read it, e.g. "stage Negotiation" or "9 activities". */
    public String describe(String value) {
        return NLS.bind(pattern, value == null || value.isBlank() ? Messages.Feature_unknownValue : value);
    }
}
