package org.salesbench.workflow.internal.process;

import java.util.List;

/**
 * The standard process Salesbench ships for each shipped pipeline: lead screening → needs discovery → opportunity
 * evaluation and assignment → proposal and quote → contract and payment → after-sales and repeat business, each step a
 * stage of the pipeline (named by the stage's key in the opportunities' {@code SeedNames}) or the lead stage. The
 * renewal pipeline has no separate evaluation stage, so its process has five steps. Names are English with a key into
 * {@link org.salesbench.workflow.process.ProcessNames}.
 * <p>
 * Shipped items are recommendations, none required: installing the workflow never holds up a deal a team was
 * already moving. Gating is a power user's choice: marking an item required (Preferences › Process) makes it gate.
 */
final class StandardProcess {

    record ItemSeed(String key, String labelKey, String label, boolean required) {
    }

    record StepSeed(String nameKey, String name, String stageKey, String ownerRole, int slaDays, List<ItemSeed> items) {
    }

    record ProcessSeed(String pipelineKey, List<StepSeed> steps) {
    }

    private static final StepSeed LEAD_SCREENING = new StepSeed("Step_leadScreening", "Lead screening", null, "sales_rep", 3, List.of(
            new ItemSeed("contact-verified", "Item_contactVerified", "Contact details verified", false),
            new ItemSeed("need-identified", "Item_needIdentified", "Need identified", false),
            new ItemSeed("fit-checked", "Item_fitChecked", "Fits our target customers", false)));

    private static StepSeed needsDiscovery(String stageKey) {
        return new StepSeed("Step_needsDiscovery", "Needs discovery", stageKey, "sales_rep", 14, List.of(
                new ItemSeed("budget-confirmed", "Item_budgetConfirmed", "Budget confirmed", false),
                new ItemSeed("decision-maker-met", "Item_decisionMakerMet", "Decision maker met", false),
                new ItemSeed("pain-points-recorded", "Item_painPointsRecorded", "Pain points recorded", false)));
    }

    private static StepSeed evaluation(String stageKey) {
        return new StepSeed("Step_evaluation", "Opportunity evaluation and assignment", stageKey, "sales_manager", 7, List.of(
                new ItemSeed("deal-qualified", "Item_dealQualified", "Deal qualified (budget, authority, need, timing)", false),
                new ItemSeed("owner-assigned", "Item_ownerAssigned", "Owner assigned", false),
                new ItemSeed("win-plan-written", "Item_winPlanWritten", "Win plan written", false)));
    }

    private static StepSeed proposal(String stageKey) {
        return new StepSeed("Step_proposal", "Proposal and quote", stageKey, "sales_rep", 14, List.of(
                new ItemSeed("proposal-sent", "Item_proposalSent", "Proposal sent", false),
                new ItemSeed("quote-approved", "Item_quoteApproved", "Quote approved", false),
                new ItemSeed("objections-handled", "Item_objectionsHandled", "Objections handled", false)));
    }

    private static StepSeed contract(String stageKey) {
        return new StepSeed("Step_contract", "Contract and payment", stageKey, "sales_manager", 21, List.of(
                new ItemSeed("contract-signed", "Item_contractSigned", "Contract signed", false),
                new ItemSeed("payment-terms-agreed", "Item_paymentTermsAgreed", "Payment terms agreed", false),
                new ItemSeed("invoice-issued", "Item_invoiceIssued", "Invoice issued", false)));
    }

    private static StepSeed afterSales(String stageKey) {
        return new StepSeed("Step_afterSales", "After-sales and repeat business", stageKey, "sales_rep", 30, List.of(
                new ItemSeed("handover-done", "Item_handoverDone", "Handed over to delivery", false),
                new ItemSeed("satisfaction-checked", "Item_satisfactionChecked", "Customer satisfaction checked", false),
                new ItemSeed("repeat-business-found", "Item_repeatBusinessFound", "Repeat business identified", false)));
    }

    static final List<ProcessSeed> PROCESSES = List.of(
            new ProcessSeed("Pipeline_newBusiness", List.of(LEAD_SCREENING, needsDiscovery("Stage_qualification"),
                    evaluation("Stage_needsAnalysis"), proposal("Stage_proposal"), contract("Stage_negotiation"), afterSales("Stage_closedWon"))),
            new ProcessSeed("Pipeline_renewal", List.of(LEAD_SCREENING, needsDiscovery("Stage_upcomingRenewal"),
                    proposal("Stage_renewalReview"), contract("Stage_renewalNegotiation"), afterSales("Stage_renewed"))),
            new ProcessSeed("Pipeline_channel", List.of(LEAD_SCREENING, needsDiscovery("Stage_partnerRegistered"),
                    evaluation("Stage_jointQualification"), proposal("Stage_jointProposal"), contract("Stage_partnerCommit"), afterSales("Stage_won"))));

    private StandardProcess() {
    }
}
