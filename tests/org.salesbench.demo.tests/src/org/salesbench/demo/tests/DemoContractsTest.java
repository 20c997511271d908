package org.salesbench.demo.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.core.runtime.NullProgressMonitor;
import org.junit.jupiter.api.Test;
import org.salesbench.contracts.ContractFilter;
import org.salesbench.contracts.ContractService;
import org.salesbench.contracts.ContractStatus;
import org.salesbench.contracts.internal.ContractServiceImpl;
import org.salesbench.contracts.internal.ContractSettings;
import org.salesbench.contracts.internal.receivables.ReceivablesServiceImpl;
import org.salesbench.core.security.LocalSecurityService;
import org.salesbench.core.time.Clocks;
import org.salesbench.demo.DemoData;
import org.salesbench.demo.internal.DemoContracts;
import org.salesbench.quotes.QuoteService;
import org.salesbench.workflow.approvals.ApprovalSubject;
import org.salesbench.workflow.internal.approvals.ApprovalEngine;
import org.salesbench.workflow.internal.approvals.ApprovalSubjects;

/**
 * The demo with the contracts module: some won deals become running contracts with plans and receipts (one overdue
 * instalment at least), and a reset purges them, money and all, before their deals and customers go.
 */
class DemoContractsTest {

    @Test
    void wonDealsBecomeContractsWithPlansReceiptsAndAnOverdueInstalmentAndResetPurgesThem() {
        try (DemoSalesTest.Stack stack = new DemoSalesTest.Stack()) {
            LocalSecurityService admin = new LocalSecurityService("admin");
            Map<Class<?>, Object> services = new HashMap<>();
            ApprovalSubject.Context context = new ApprovalSubject.Context() {
                @Override
                public <S> S service(Class<S> type) {
                    return type.cast(services.get(type));
                }
            };
            ApprovalEngine engine = new ApprovalEngine(stack.db, admin, (e, c, id) -> { }, stack.userService, ApprovalSubjects::subject, context,
                    Clocks.system());
            ContractServiceImpl contracts = new ContractServiceImpl(stack.db, admin, (e, c, id) -> { }, engine, stack.opportunities, stack.quotes,
                    Clocks.system(), () -> ContractSettings.DEFAULT_PATTERN);
            services.put(QuoteService.class, stack.quotes);
            services.put(ContractService.class, contracts);
            ReceivablesServiceImpl money = new ReceivablesServiceImpl(stack.db, admin, (e, c, id) -> { }, Clocks::system);
            stack.demo.setContracts(new DemoContracts(stack.db, contracts, money));

            stack.demo.fill(80, DemoData.DEFAULT_SEED, new NullProgressMonitor());

            long made = contracts.count(ContractFilter.all());
            assertTrue(made > 0 && made <= 6, "contracts: " + made);
            assertEquals(made, contracts.count(ContractFilter.all().withStatus(ContractStatus.ACTIVE)));
            assertEquals(made * 3, stack.count("Instalment"));
            assertTrue(stack.count("Receipt") >= made, "a receipt a contract at least");
            LocalDate today = LocalDate.now(Clocks.system());
            long overdue = stack.db.read(em -> em.createQuery("SELECT COUNT(i) FROM Instalment i WHERE i.dueDate < :today AND i.paid < i.amount", Long.class)
                    .setParameter("today", today).getSingleResult());
            assertTrue(overdue > 0, "an overdue instalment");

            // the reset once failed on the contracts' plans and receipts: now they go first, and new ones are made
            assertEquals(40, stack.demo.reset(40, new NullProgressMonitor()));
            long after = contracts.count(ContractFilter.all());
            assertTrue(after > 0 && after <= 6, "contracts after reset: " + after);
            assertEquals(after * 3, stack.count("Instalment"));
            assertTrue(List.of(ContractStatus.ACTIVE).containsAll(contracts.list(ContractFilter.all(), 0, 10).stream().map(c -> c.getStatus()).toList()));
        }
    }
}
