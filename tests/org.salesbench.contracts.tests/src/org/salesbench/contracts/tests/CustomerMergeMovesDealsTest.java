package org.salesbench.contracts.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.salesbench.contracts.Contract;
import org.salesbench.contracts.internal.ContractsCustomerMerge;
import org.salesbench.core.model.Money;
import org.salesbench.customers.Customer;
import org.salesbench.customers.CustomerMergeParticipant;
import org.salesbench.customers.MergeResult;
import org.salesbench.customers.internal.CustomerMergeImpl;
import org.salesbench.customers.internal.CustomerServiceImpl;
import org.salesbench.opportunities.Lead;
import org.salesbench.opportunities.Opportunity;
import org.salesbench.opportunities.Pipeline;
import org.salesbench.opportunities.Stage;
import org.salesbench.opportunities.StageKind;
import org.salesbench.opportunities.internal.OpportunitiesCustomerMerge;
import org.salesbench.quotes.Quote;

/**
 * A merge of two customers moves what other modules hold of the merged one, each through its own participant: its
 * deals (and so their quotes), the leads converted to it, its contracts with their instalments; totals by customer
 * add up, nothing goes to the recycle bin with the merged customer, and a participant that fails undoes it all.
 */
class CustomerMergeMovesDealsTest {

    private ContractFixture fx;
    private CustomerServiceImpl customers;
    private CustomerMergeImpl merge;

    @BeforeEach
    void open() {
        fx = new ContractFixture();
        customers = new CustomerServiceImpl(fx.db, fx.security, (entity, change, id) -> { });
        merge = new CustomerMergeImpl(fx.db, fx.security, (entity, change, id) -> { }, customers);
        merge.addParticipant(new OpportunitiesCustomerMerge(fx.db));
        merge.addParticipant(new ContractsCustomerMerge(fx.db));
    }

    @AfterEach
    void close() {
        customers.search().close();
        fx.close();
    }

    /** An open deal of the rep's on an existing customer. */
    private Opportunity dealOf(long customerId, String name, String amount) {
        return fx.db.write(em -> {
            Customer customer = em.find(Customer.class, customerId);
            Pipeline pipeline = em.createQuery("SELECT p FROM Pipeline p ORDER BY p.position", Pipeline.class).setMaxResults(1).getSingleResult();
            Opportunity o = new Opportunity(customer, name, Money.cny(amount));
            o.setPipeline(pipeline);
            Stage stage = pipeline.getStages().get(0);
            o.setStage(stage);
            o.setState(StageKind.OPEN);
            o.setProbability(stage.getProbability());
            o.setOwner(ContractFixture.REP);
            em.persist(o);
            return o;
        });
    }

    private long convertedLead(long customerId) {
        return fx.db.write(em -> {
            Lead lead = new Lead("转化的线索公司");
            lead.setNormalizedCompany("转化的线索公司");
            lead.setCustomerId(customerId);
            lead.setOwner(ContractFixture.REP);
            em.persist(lead);
            return lead.getId();
        });
    }

    /** The deals' amounts by customer, by SQL. */
    private Map<Long, BigDecimal> totals() {
        return fx.db.read(em -> {
            Map<Long, BigDecimal> sums = new java.util.TreeMap<>();
            for (Object row : em.createNativeQuery("SELECT CUSTOMER_ID, SUM(AMOUNT) FROM SB_OPPORTUNITY WHERE DELETED_AT IS NULL GROUP BY CUSTOMER_ID")
                    .getResultList()) {
                Object[] r = (Object[]) row;
                sums.put(((Number) r[0]).longValue(), ((BigDecimal) r[1]).stripTrailingZeros());
            }
            return sums;
        });
    }

    private long count(String sql, long id) {
        return fx.db.read(em -> ((Number) em.createNativeQuery(sql).setParameter(1, id).getSingleResult()).longValue());
    }

    @Test
    void dealsQuotesLeadsAndContractsMoveAndTheTotalsAddUp() {
        fx.as(ContractFixture.ADMIN);
        Contract contract = fx.approvedContract("ERP 一期", "120000");
        long other = contract.getCustomer().getId();
        Opportunity quoted = dealOf(other, "ERP 二期", "50000");
        Quote quote = fx.acceptedQuote(quoted);
        long lead = convertedLead(other);
        long keep = fx.deal("实施服务", "30000", false).getCustomer().getId();
        fx.as(ContractFixture.ADMIN);
        Map<Long, BigDecimal> before = totals();
        long instalments = count("SELECT COUNT(*) FROM SB_CONTRACT_INSTALMENT WHERE CUSTOMER_ID = ?", other);

        MergeResult result = merge.merge(keep, other, Set.of(), null, null);

        assertEquals(Map.of("contact", 0, "activity", 0, "opportunity", 2, "lead", 1, "contract", 1), result.moved());
        Map<Long, BigDecimal> after = totals();
        assertEquals(Set.of(keep), after.keySet(), "every deal is the survivor's, and none went to the bin with the merged customer");
        assertEquals(before.get(keep).add(before.get(other)).stripTrailingZeros(), after.get(keep));
        assertEquals(0, new BigDecimal("200000").compareTo(after.get(keep)), after.toString());
        assertEquals(keep, fx.quotes.find(quote.getId()).orElseThrow().getOpportunity().getCustomer().getId(), "the quote follows its deal");
        assertEquals(keep, fx.contracts.find(contract.getId()).orElseThrow().getCustomer().getId());
        assertEquals(0, count("SELECT COUNT(*) FROM SB_CONTRACT_INSTALMENT WHERE CUSTOMER_ID = ?", other));
        assertEquals(instalments, count("SELECT COUNT(*) FROM SB_CONTRACT_INSTALMENT WHERE CUSTOMER_ID = ?", keep));
        assertEquals(1, count("SELECT COUNT(*) FROM SB_LEAD WHERE CUSTOMER_ID = ?", keep));
        assertEquals(0, count("SELECT COUNT(*) FROM SB_LEAD WHERE CUSTOMER_ID = ?", other));
        assertTrue(customers.findDeleted(other).isPresent());
        assertTrue(customers.find(keep).isPresent());
        assertTrue(lead > 0);
    }

    @Test
    void aParticipantThatFailsUndoesTheWholeMerge() {
        fx.as(ContractFixture.ADMIN);
        Contract contract = fx.approvedContract("ERP 一期", "120000");
        long other = contract.getCustomer().getId();
        long keep = fx.deal("实施服务", "30000", false).getCustomer().getId();
        fx.as(ContractFixture.ADMIN);
        CustomerMergeParticipant failing = (from, into) -> {
            throw new IllegalStateException("refused by a module");
        };
        merge.addParticipant(failing);

        assertThrows(IllegalStateException.class, () -> merge.merge(keep, other, Set.of(), null, null));
        assertEquals(other, fx.contracts.find(contract.getId()).orElseThrow().getCustomer().getId(), "the contract did not move");
        assertEquals(1, count("SELECT COUNT(*) FROM SB_OPPORTUNITY WHERE CUSTOMER_ID = ?", other), "nor the deal");
        assertFalse(customers.findDeleted(other).isPresent(), "and the customer is not in the bin");
    }

    /** Every customer's count of each kind of child, by SQL: deals, leads, contracts, instalments, receipts, credit. */
    private Map<String, Map<Long, Long>> children() {
        Map<String, Map<Long, Long>> all = new java.util.TreeMap<>();
        for (String table : new String[] { "SB_OPPORTUNITY", "SB_LEAD", "SB_CONTRACT", "SB_CONTRACT_INSTALMENT", "SB_CONTRACT_RECEIPT",
                "SB_CUSTOMER_CREDIT", "SB_CONTACT", "SB_ACTIVITY" }) {
            all.put(table, fx.db.read(em -> {
                Map<Long, Long> counts = new java.util.TreeMap<>();
                for (Object row : em.createNativeQuery("SELECT CUSTOMER_ID, COUNT(*) FROM " + table + " WHERE CUSTOMER_ID IS NOT NULL GROUP BY CUSTOMER_ID")
                        .getResultList()) {
                    Object[] r = (Object[]) row;
                    counts.put(((Number) r[0]).longValue(), ((Number) r[1]).longValue());
                }
                return counts;
            }));
        }
        return all;
    }

    @Test
    void undoingTheMergeMovesEveryChildBackAndTheTotalsAreAsBefore() {
        fx.as(ContractFixture.ADMIN);
        Contract contract = fx.approvedContract("ERP 一期", "120000");
        long other = contract.getCustomer().getId();
        Opportunity quoted = dealOf(other, "ERP 二期", "50000");
        Quote quote = fx.acceptedQuote(quoted);
        long lead = convertedLead(other);
        // a payment plan, and more received than is due: instalments, a receipt and a credit on the customer's ledger
        fx.money.setPlan(contract.getId(), java.util.List.of(org.salesbench.contracts.receivables.PlannedInstalment.percent(fx.today().plusDays(5), "100")),
                null);
        fx.money.recordReceipt(contract.getId(), fx.today(), Money.cny("130000.00"), org.salesbench.contracts.receivables.ReceiptMethod.BANK_TRANSFER,
                "B-1");
        long keep = fx.deal("实施服务", "30000", false).getCustomer().getId();
        fx.as(ContractFixture.ADMIN);
        Map<Long, BigDecimal> totalsBefore = totals();
        Map<String, Map<Long, Long>> childrenBefore = children();
        assertTrue(childrenBefore.get("SB_CONTRACT_INSTALMENT").getOrDefault(other, 0L) > 0, childrenBefore.toString());
        assertTrue(childrenBefore.get("SB_CONTRACT_RECEIPT").getOrDefault(other, 0L) > 0, childrenBefore.toString());

        MergeResult merged = merge.merge(keep, other, Set.of(), null, null);
        assertEquals(Set.of(keep), totals().keySet());

        MergeResult undone = merge.unmerge(merged.mergeId());

        assertEquals(Map.of("contact", 0, "activity", 0, "opportunity", 2, "lead", 1, "contract", 1), undone.moved());
        assertEquals(totalsBefore, totals(), "the deals' totals by customer are those of before the merge");
        assertEquals(childrenBefore, children(), "every child is back with its customer");
        assertEquals(other, fx.quotes.find(quote.getId()).orElseThrow().getOpportunity().getCustomer().getId(), "the quote follows its deal back");
        assertEquals(other, fx.contracts.find(contract.getId()).orElseThrow().getCustomer().getId());
        assertEquals(1, count("SELECT COUNT(*) FROM SB_LEAD WHERE CUSTOMER_ID = ? AND ID = " + lead, other));
        assertTrue(customers.find(other).isPresent(), "out of the recycle bin");
        assertTrue(customers.find(keep).isPresent());
    }

    @Test
    void anUndoIsRefusedWhenAMovedDealWasMovedOnSince() {
        fx.as(ContractFixture.ADMIN);
        Contract contract = fx.approvedContract("ERP 一期", "120000");
        long other = contract.getCustomer().getId();
        Opportunity deal = dealOf(other, "ERP 二期", "50000");
        long keep = fx.deal("实施服务", "30000", false).getCustomer().getId();
        long third = fx.deal("第三家的商机", "10000", false).getCustomer().getId();
        fx.as(ContractFixture.ADMIN);
        MergeResult merged = merge.merge(keep, other, Set.of(), null, null);
        // after the merge, someone moves the deal on to a third customer
        fx.db.write(em -> {
            em.find(Opportunity.class, deal.getId()).setCustomer(em.find(Customer.class, third));
            return null;
        });
        Map<Long, BigDecimal> totalsBefore = totals();

        org.salesbench.core.validation.ValidationException refused = assertThrows(org.salesbench.core.validation.ValidationException.class,
                () -> merge.unmerge(merged.mergeId()));
        assertTrue(refused.getMessage().contains("opportunity " + deal.getId()) && refused.getMessage().contains("no longer customer " + keep),
                refused.getMessage());
        assertEquals(totalsBefore, totals(), "nothing moved back");
        assertEquals(keep, fx.contracts.find(contract.getId()).orElseThrow().getCustomer().getId());
        assertTrue(customers.findDeleted(other).isPresent(), "the merged customer stays in the bin");
    }
}
