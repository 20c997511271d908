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
}
