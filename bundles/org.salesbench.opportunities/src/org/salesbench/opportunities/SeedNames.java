package org.salesbench.opportunities;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;

import org.eclipse.osgi.util.NLS;

/**
 * Names of the records Salesbench ships (pipelines, stages, lead sources) are stored in English
 * with a key; the key is the name of a field here, so the translation lives in a messages file.
 * User-made or renamed records have no key and show what the user typed.
 */
public final class SeedNames extends NLS {

    private static final String BUNDLE_NAME = "org.salesbench.opportunities.seednames";

    public static String Pipeline_channel;
    public static String Pipeline_newBusiness;
    public static String Pipeline_renewal;
    public static String Source_campaign;
    public static String Source_inboundCall;
    public static String Source_other;
    public static String Source_partner;
    public static String Source_referral;
    public static String Source_tradeShow;
    public static String Source_webForm;
    public static String Stage_churned;
    public static String Stage_closedLost;
    public static String Stage_closedWon;
    public static String Stage_jointProposal;
    public static String Stage_jointQualification;
    public static String Stage_lost;
    public static String Stage_needsAnalysis;
    public static String Stage_negotiation;
    public static String Stage_partnerCommit;
    public static String Stage_partnerRegistered;
    public static String Stage_proposal;
    public static String Stage_qualification;
    public static String Stage_renewalNegotiation;
    public static String Stage_renewalReview;
    public static String Stage_renewed;
    public static String Stage_upcomingRenewal;
    public static String Stage_won;

    static {
        NLS.initializeMessages(BUNDLE_NAME, SeedNames.class);
    }

    private SeedNames() {
    }

    public static String label(String key, String storedName) {
        if (key == null) {
            return storedName;
        }
        try {
            Field field = SeedNames.class.getField(key);
            if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
                Object value = field.get(null);
                if (value != null) {
                    return (String) value;
                }
            }
        } catch (ReflectiveOperationException unknownKey) {
            // a key from a newer version: the stored English name is the honest fallback
        }
        return storedName;
    }
}
