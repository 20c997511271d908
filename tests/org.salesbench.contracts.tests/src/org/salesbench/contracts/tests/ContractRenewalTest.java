package org.salesbench.contracts.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.salesbench.contracts.Contract;
import org.salesbench.contracts.ContractLine;
import org.salesbench.contracts.ContractStatus;
import org.salesbench.core.validation.ValidationException;
import org.salesbench.opportunities.Opportunity;

/** Renewal in one action: the next contract of a running or finished one, its lines copied and its dates moved on by its term. */
class ContractRenewalTest {

    private ContractFixture fx;

    @BeforeEach
    void open() {
        fx = new ContractFixture();
    }

    @AfterEach
    void close() {
        fx.close();
    }

    /** The rep's contract from an accepted quote (two lines), running from {@code start} to {@code end}, approved, signed and active. */
    private Contract active(LocalDate start, LocalDate end) {
        Opportunity deal = fx.deal("ERP 升级", "300000", true);
        fx.acceptedQuote(deal);
        fx.as(ContractFixture.REP);
        Contract draft = fx.contracts.createFromOpportunity(deal.getId());
        draft.setStartDate(start);
        draft.setEndDate(end);
        long id = fx.contracts.update(draft).getId();
        fx.contracts.submitForApproval(id);
        fx.as(ContractFixture.ADMIN);
        fx.contracts.recordApprovalDecision(id, true, "同意");
        fx.as(ContractFixture.REP);
        fx.contracts.sign(id, fx.today());
        return fx.contracts.activate(id);
    }

    @Test
    void theRenewalIsADraftWithTheLinesCopiedAndTheDatesMovedOnByTheTerm() {
        Contract old = active(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31));
        assertEquals(2, old.getLines().size());

        Contract next = fx.contracts.renew(old.getId());

        assertEquals(ContractStatus.DRAFT, next.getStatus());
        assertNotEquals(old.getNumber(), next.getNumber());
        assertEquals(old.getId(), next.getRenewsId());
        assertEquals(LocalDate.of(2027, 1, 1), next.getStartDate());
        assertEquals(LocalDate.of(2027, 12, 31), next.getEndDate());
        assertEquals(old.getCustomer().getId(), next.getCustomer().getId());
        assertEquals(ContractFixture.REP, next.getOwner());
        assertEquals(old.getTitle(), next.getTitle());
        assertEquals(old.getAmount(), next.getAmount());
        Contract stored = fx.contracts.find(next.getId()).orElseThrow();
        assertEquals(describe(old.getLines()), describe(stored.getLines()));
        assertTrue(stored.getLines().stream().allMatch(l -> l.getProduct() != null), "products kept");

        // once renewed, not again: the refusal names the renewal
        ValidationException twice = assertThrows(ValidationException.class, () -> fx.contracts.renew(old.getId()));
        assertTrue(twice.getMessage().contains(next.getNumber()), twice.getMessage());
        assertEquals(2, fx.contracts.count(org.salesbench.contracts.ContractFilter.all()));
    }

    @Test
    void aQuarterlyTermMovesByAQuarterAndOnlyRunningOrFinishedContractsWithDatesAreRenewed() {
        Contract old = active(LocalDate.of(2026, 4, 1), LocalDate.of(2026, 6, 30));
        fx.contracts.complete(old.getId());
        Contract next = fx.contracts.renew(old.getId());
        assertEquals(LocalDate.of(2026, 7, 1), next.getStartDate());
        assertEquals(LocalDate.of(2026, 9, 30), next.getEndDate());

        // a draft is not renewed
        ValidationException draft = assertThrows(ValidationException.class, () -> fx.contracts.renew(next.getId()));
        assertEquals("status", draft.getErrors().get(0).field());
        // nor a contract without an end date: its term is unknown
        Opportunity deal = fx.deal("门店系统", "8000", true);
        fx.as(ContractFixture.REP);
        long undated = fx.contracts.createFromOpportunity(deal.getId()).getId();
        fx.contracts.submitForApproval(undated);
        fx.as(ContractFixture.ADMIN);
        fx.contracts.recordApprovalDecision(undated, true, null);
        fx.contracts.sign(undated, fx.today());
        ValidationException noTerm = assertThrows(ValidationException.class, () -> fx.contracts.renew(undated));
        assertEquals("endDate", noTerm.getErrors().get(0).field());
        assertEquals(3, fx.contracts.count(org.salesbench.contracts.ContractFilter.all()));
    }

    private static List<String> describe(List<ContractLine> lines) {
        return lines.stream().map(l -> l.getDescription() + "|" + l.getQuantity().stripTrailingZeros().toPlainString() + "|"
                + l.getUnitPrice().stripTrailingZeros().toPlainString() + "|" + l.getDiscountPercent().stripTrailingZeros().toPlainString() + "|"
                + l.getTaxRate().stripTrailingZeros().toPlainString() + "|" + l.getAmount().getAmount().stripTrailingZeros().toPlainString()).toList();
    }

    @Test
    void theRenewalOpportunityCarriesCustomerAmountOwnerAndLinesClosesOnTheEndDateAndIsMadeOnce() {
        LocalDate end = fx.today().plusMonths(2);
        Contract old = active(fx.today().minusMonths(10), end);
        // a draft is no renewal's source: refused with its status, nothing made
        long unsigned = fx.deal("未签合同", "1000", true).getId();
        fx.as(ContractFixture.REP);
        Contract draft = fx.contracts.createFromOpportunity(unsigned);
        ValidationException notYet = assertThrows(ValidationException.class, () -> fx.contracts.createRenewalOpportunity(draft.getId()));
        assertTrue(notYet.getMessage().contains(draft.getNumber()), notYet.getMessage());
        long dealsBefore = fx.count("SB_OPPORTUNITY");
        long quotesBefore = fx.count("SB_QUOTE");

        Opportunity renewal = fx.contracts.createRenewalOpportunity(old.getId());

        assertEquals(old.getCustomer().getId(), renewal.getCustomer().getId());
        assertEquals(old.getAmount(), renewal.getAmount());
        assertEquals(ContractFixture.REP, renewal.getOwner());
        assertEquals(end, renewal.getExpectedCloseDate());
        assertEquals(fx.opportunities.find(old.getOpportunity().getId()).orElseThrow().getPipeline().getId(), renewal.getPipeline().getId());
        assertEquals(org.salesbench.opportunities.StageKind.OPEN, renewal.getState());
        assertEquals(renewal.getId(), fx.contracts.find(old.getId()).orElseThrow().getRenewalOpportunityId());
        assertEquals(dealsBefore + 1, fx.count("SB_OPPORTUNITY"));
        assertEquals(quotesBefore + 1, fx.count("SB_QUOTE"));
        List<org.salesbench.quotes.Quote> quotes = fx.quotes.listForOpportunity(renewal.getId());
        assertEquals(1, quotes.size());
        assertEquals(org.salesbench.quotes.QuoteStatus.DRAFT, quotes.get(0).getStatus());
        Contract stored = fx.contracts.find(old.getId()).orElseThrow();
        assertEquals(stored.getLines().stream().map(l -> l.getProduct().getId() + "x" + l.getQuantity().stripTrailingZeros().toPlainString()).toList(),
                quotes.get(0).getLines().stream().map(l -> l.getProduct().getId() + "x" + l.getQuantity().stripTrailingZeros().toPlainString()).toList());

        // once: the refusal names the deal, and nothing more is made
        ValidationException twice = assertThrows(ValidationException.class, () -> fx.contracts.createRenewalOpportunity(old.getId()));
        assertTrue(twice.getMessage().contains(old.getNumber()) && twice.getMessage().contains(renewal.getName()), twice.getMessage());
        assertEquals(dealsBefore + 1, fx.count("SB_OPPORTUNITY"));

        // the deal gone to the recycle bin, the contract is renewed again
        fx.as(ContractFixture.ADMIN);
        fx.opportunities.delete(renewal.getId());
        fx.as(ContractFixture.REP);
        assertTrue(fx.contracts.renewalOpportunity(old.getId()).isEmpty(), "a deal in the recycle bin is no renewal");
        // restored, it is the renewal again: a second one is refused, naming it
        fx.as(ContractFixture.ADMIN);
        org.salesbench.core.recyclebin.RecycleBinRegistry bin = new org.salesbench.core.recyclebin.RecycleBinRegistry(fx.security, fx.clock);
        bin.add(fx.opportunities);
        bin.restore(Opportunity.ENTITY, renewal.getId());
        fx.as(ContractFixture.REP);
        assertEquals(renewal.getId(), fx.contracts.renewalOpportunity(old.getId()).orElseThrow().getId());
        ValidationException restored = assertThrows(ValidationException.class, () -> fx.contracts.createRenewalOpportunity(old.getId()));
        assertTrue(restored.getMessage().contains(renewal.getName()), restored.getMessage());
        assertEquals(dealsBefore + 1, fx.count("SB_OPPORTUNITY"));
        // binned again, the contract is renewed again
        fx.as(ContractFixture.ADMIN);
        fx.opportunities.delete(renewal.getId());
        fx.as(ContractFixture.REP);
        Opportunity second = fx.contracts.createRenewalOpportunity(old.getId());
        assertTrue(second.getId() != renewal.getId());
        assertEquals(second.getId(), fx.contracts.renewalOpportunity(old.getId()).orElseThrow().getId());
    }
}
