package org.salesbench.contracts.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.salesbench.contracts.tests.ContractFixture.REP;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.salesbench.contracts.Contract;
import org.salesbench.contracts.ContractFilter;
import org.salesbench.contracts.ContractLine;
import org.salesbench.contracts.ContractStatus;
import org.salesbench.core.model.Money;
import org.salesbench.core.validation.ValidationException;
import org.salesbench.opportunities.Opportunity;
import org.salesbench.quotes.Quote;
import org.salesbench.quotes.QuoteLine;

/** A contract in one action from an accepted quote or a won deal: customer, lines and amounts carried over. */
class ContractCreationTest {

    private final ContractFixture fx = new ContractFixture();

    @AfterEach
    void close() {
        fx.close();
    }

    @Test
    void fromAnAcceptedQuoteTheCustomerLinesAndAmountsAreCarriedOver() {
        Opportunity deal = fx.deal("MES 二期", "250000", true);
        Quote quote = fx.acceptedQuote(deal);
        fx.as(REP);
        Contract contract = fx.contracts.createFromQuote(quote.getId());

        assertEquals(ContractStatus.DRAFT, contract.getStatus());
        assertEquals("HT-" + fx.today().getYear() + "-00001", contract.getNumber());
        assertEquals(deal.getCustomer().getId(), contract.getCustomer().getId());
        assertEquals(deal.getId(), contract.getOpportunity().getId());
        assertEquals(quote.getId(), contract.getQuote().getId());
        assertEquals(REP, contract.getOwner());
        assertEquals("MES 二期", contract.getTitle());
        // 98,000 less 5 % = 93,100 + 13 % tax 12,103 = 105,203; 12 × 2,500 = 30,000 + 6 % tax 1,800 = 31,800
        assertEquals(quote.getGrandTotal(), contract.getAmount());
        assertEquals(Money.cny("137003.00"), contract.getAmount());
        assertEquals(quote.getNetTotal(), contract.getNetTotal());
        assertEquals(quote.getTaxTotal(), contract.getTaxTotal());
        List<ContractLine> lines = contract.getLines();
        assertEquals(2, lines.size());
        for (int i = 0; i < lines.size(); i++) {
            QuoteLine source = quote.getLines().get(i);
            ContractLine line = lines.get(i);
            assertEquals(source.getProduct().getId(), line.getProduct().getId());
            assertEquals(source.getDescription(), line.getDescription());
            assertEquals(0, source.getQuantity().compareTo(line.getQuantity()));
            assertEquals(0, source.getUnitPrice().compareTo(line.getUnitPrice()));
            assertEquals(0, source.getDiscountPercent().compareTo(line.getDiscountPercent()));
            assertEquals(0, source.getTaxRate().compareTo(line.getTaxRate()));
        }
        assertEquals(Money.cny("105203.00"), lines.get(0).getAmount());

        Contract reread = fx.contracts.find(contract.getId()).orElseThrow();
        assertEquals(contract.getAmount(), reread.getAmount());
        assertEquals(2, reread.getLines().size());
        assertTrue(fx.events.contains("contract/CREATED/" + contract.getId()), fx.events.toString());
        assertEquals(contract.getId(), fx.contracts.findByNumber(contract.getNumber()).orElseThrow().getId());
    }

    @Test
    void fromAWonDealTheAcceptedQuoteIsUsedAndWithoutOneTheDealsAmountMakesOneLine() {
        Opportunity quoted = fx.deal("MES 二期", "250000", true);
        Quote quote = fx.acceptedQuote(quoted);
        fx.as(REP);
        Contract fromDeal = fx.contracts.createFromOpportunity(quoted.getId());
        assertEquals(quote.getId(), fromDeal.getQuote().getId());
        assertEquals(quote.getGrandTotal(), fromDeal.getAmount());

        Opportunity plain = fx.deal("年度维保", "48000.50", true);
        Contract fromAmount = fx.contracts.createFromOpportunity(plain.getId());
        assertNull(fromAmount.getQuote());
        assertEquals(plain.getCustomer().getId(), fromAmount.getCustomer().getId());
        assertEquals(Money.cny("48000.50"), fromAmount.getAmount());
        assertEquals(1, fromAmount.getLines().size());
        assertEquals("年度维保", fromAmount.getLines().get(0).getDescription());
        assertEquals(0, BigDecimal.ONE.compareTo(fromAmount.getLines().get(0).getQuantity()));
        assertEquals("HT-" + fx.today().getYear() + "-00002", fromAmount.getNumber());
        assertEquals(2, fx.contracts.count(ContractFilter.all()));

        // the demo's reset clears a user's contracts before their deals and customers
        fx.as(ContractFixture.ADMIN);
        assertEquals(2, fx.contracts.purgeOwnedBy(List.of(REP)));
        assertEquals(0, fx.contracts.count(ContractFilter.all()));
        assertEquals(0, fx.contracts.purgeOwnedBy(List.of()));
    }

    @Test
    void anOpenDealOrAQuoteNotAgreedIsRefusedWithAMessageAndNothingIsWritten() {
        Opportunity open = fx.deal("还在谈", "100000", false);
        fx.as(REP);
        ValidationException notWon = assertThrows(ValidationException.class, () -> fx.contracts.createFromOpportunity(open.getId()));
        assertTrue(notWon.errorOf("opportunity").message().contains("还在谈"), notWon.getMessage());

        Opportunity deal = fx.deal("MES 二期", "250000", true);
        Quote draft = new Quote(deal, fx.today().plusDays(10));
        draft.addLine(new QuoteLine(fx.product("ERP-STD", "ERP 标准版", "98000"), BigDecimal.ONE));
        fx.as(REP);
        Quote saved = fx.quotes.createDraft(draft);
        ValidationException notAgreed = assertThrows(ValidationException.class, () -> fx.contracts.createFromQuote(saved.getId()));
        assertNotNull(notAgreed.errorOf("quote"));
        assertThrows(ValidationException.class, () -> fx.contracts.createFromQuote(999_999L));
        assertEquals(0, fx.contracts.count(ContractFilter.all()));
    }
}
