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
}
