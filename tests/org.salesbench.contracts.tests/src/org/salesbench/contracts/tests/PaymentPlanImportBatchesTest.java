package org.salesbench.contracts.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.core.runtime.NullProgressMonitor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.salesbench.contracts.Contract;
import org.salesbench.contracts.receivables.Instalment;
import org.salesbench.contracts.receivables.ReceivablesService;
import org.salesbench.core.events.DomainEventPublisher;
import org.salesbench.core.security.SecurityService;
import org.salesbench.importexport.ImportResult;
import org.salesbench.importexport.ImportSettings;
import org.salesbench.importexport.ReadOptions;
import org.salesbench.importexport.internal.ImportEngine;

/**
 * A payment plan whose rows a batch boundary falls between: the real import engine keeps a contract's consecutive rows
 * in one batch (the target's group field), so the plan is written whole instead of its first part being refused for
 * not adding up.
 */
class PaymentPlanImportBatchesTest {

    @TempDir
    Path dir;

    private ContractFixture fx;
    private ImportEngine engine;

    @BeforeEach
    void open() {
        fx = new ContractFixture();
        fx.as(ContractFixture.ADMIN);
        Map<Class<?>, Object> services = new HashMap<>();
        services.put(ReceivablesService.class, fx.money);
        services.put(SecurityService.class, fx.security);
        services.put(DomainEventPublisher.class, (DomainEventPublisher) (entity, change, id) -> { });
        engine = new ImportEngine(fx.db, services::get);
    }

    @AfterEach
    void close() {
        fx.close();
    }

    @Test
    void aPlanThatABatchBoundaryFallsWithinIsWrittenWhole() throws IOException {
        Contract one = fx.approvedContract("仓储系统", "1000");
        Contract split = fx.approvedContract("门店系统", "500");
        // batches of two rows: the boundary falls between the split contract's first and second instalment
        Path file = dir.resolve("plans.csv");
        Files.writeString(file, "Contract,Due,Amount,Description\n"
                + one.getNumber() + ",2027-01-31,1000.00,全款\n"
                + split.getNumber() + ",2027-02-28,200.00,首付\n"
                + split.getNumber() + ",2027-03-31,300.00,尾款\n", StandardCharsets.UTF_8);
        ImportSettings settings = new ImportSettings("contract-plans", engine.preview(file, ReadOptions.DETECT, "contract-plans").mapping())
                .withMode(ImportSettings.Mode.VALID_ROWS).withBatchSize(2);

        ImportResult result = engine.run(file, ReadOptions.DETECT, settings, new NullProgressMonitor());

        assertEquals(3, result.created(), result.errors().toString());
        assertEquals(0, result.failed(), result.errors().toString());
        List<Instalment> plan = fx.money.plan(split.getId());
        assertEquals(2, plan.size());
        assertEquals(new BigDecimal("200.00"), plan.get(0).getAmount().getAmount().setScale(2));
        assertEquals(new BigDecimal("300.00"), plan.get(1).getAmount().getAmount().setScale(2));
        assertEquals(1, fx.money.plan(one.getId()).size());
    }
}
