package org.salesbench.workflow.process;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;

import org.eclipse.osgi.util.NLS;

/**
 * Names of the process steps and checklist items Salesbench ships are stored in English with a key; the key is the name
 * of a field here, so the translation lives in a messages file (as the opportunities' {@code SeedNames} do for
 * pipelines and stages). User-made or renamed steps and items have no key and show what the user typed.
 */
public final class ProcessNames extends NLS {

    private static final String BUNDLE_NAME = "org.salesbench.workflow.process.processnames";

    public static String Item_budgetConfirmed;
    public static String Item_contactVerified;
    public static String Item_contractSigned;
    public static String Item_dealQualified;
    public static String Item_decisionMakerMet;
    public static String Item_fitChecked;
    public static String Item_handoverDone;
    public static String Item_invoiceIssued;
    public static String Item_needIdentified;
    public static String Item_objectionsHandled;
    public static String Item_ownerAssigned;
    public static String Item_painPointsRecorded;
    public static String Item_paymentTermsAgreed;
    public static String Item_proposalSent;
    public static String Item_quoteApproved;
    public static String Item_repeatBusinessFound;
    public static String Item_satisfactionChecked;
    public static String Item_winPlanWritten;
    public static String Step_afterSales;
    public static String Step_contract;
    public static String Step_evaluation;
    public static String Step_leadScreening;
    public static String Step_needsDiscovery;
    public static String Step_proposal;

    static {
        NLS.initializeMessages(BUNDLE_NAME, ProcessNames.class);
    }

    private ProcessNames() {
    }

    /** The translation of {@code key}, or {@code storedName} when there is no key or no such translation. */
    public static String label(String key, String storedName) {
        if (key == null) {
            return storedName;
        }
        try {
            Field field = ProcessNames.class.getField(key);
            if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class && field.get(null) != null) {
                return (String) field.get(null);
            }
        } catch (ReflectiveOperationException e) {
            // a key of a newer or older version: the stored name is right
        }
        return storedName;
    }
}
