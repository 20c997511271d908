package org.salesbench.quotes.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.salesbench.opportunities.Pipeline;
import org.salesbench.opportunities.Stage;
import org.salesbench.opportunities.StageRule;
import org.salesbench.quotes.Product;
import org.salesbench.quotes.Quote;
import org.salesbench.quotes.internal.QuoteStageRule;

/** The "quote" stage rule that the seeded Negotiation stages require. */
class QuoteStageRuleTest {

    private final QuoteFixture fx = new QuoteFixture();

    @AfterEach
    void close() {
        fx.close();
    }

    @Test
    void negotiationNeedsAQuoteTheCustomerHasNotRejected() {
        QuoteStageRule rule = new QuoteStageRule(fx.db);
        assertEquals(StageRule.QUOTE, rule.id());
        Stage negotiation = fx.db.read(em -> {
            Pipeline pipeline = em.find(Pipeline.class, fx.opportunity.getPipeline().getId());
            return pipeline.getStages().stream().filter(s -> s.getRequiredRules().contains(StageRule.QUOTE)).findFirst().orElseThrow();
        });

        Optional<String> refusal = rule.refusal(fx.opportunity, negotiation);
        assertTrue(refusal.isPresent() && refusal.get().contains(negotiation.getLabel()), refusal.toString());

        Product erp = fx.product("ERP-STD", "ERP 标准版", "1000", "13");
        Quote quote = fx.quotes.createDraft(fx.draft(QuoteFixture.line(erp, "1", "1000", "0", "13")));
        assertEquals(Optional.empty(), rule.refusal(fx.opportunity, negotiation), "a draft quote is enough");

        fx.quotes.submitForApproval(quote.getId());
        fx.quotes.markSent(quote.getId());
        fx.quotes.markRejected(quote.getId(), "价格太高");
        assertTrue(rule.refusal(fx.opportunity, negotiation).isPresent(), "a rejected quote does not count");
    }
}
