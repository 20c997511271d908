package org.salesbench.contracts.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
 * not adding up. Rows of one contract apart from each other are planned together within a batch; across batches the
 * later part is refused naming the rows of both parts, and no plan is made of a part.
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

    @Test
    void rowsOfAContractApartFromEachOtherArePlannedTogetherInABatchAndRefusedNamingTheRowsAcrossBatches() throws IOException {
        Contract one = fx.approvedContract("仓储系统", "1000");
        Contract apart = fx.approvedContract("门店系统", "500");
        Path file = dir.resolve("apart.csv");
        Files.writeString(file, "Contract,Due,Amount,Description\n"
                + apart.getNumber() + ",2027-02-28,200.00,首付\n"
                + one.getNumber() + ",2027-01-31,1000.00,全款\n"
                + apart.getNumber() + ",2027-03-31,300.00,尾款\n", StandardCharsets.UTF_8);
        // one batch holds the whole file: the contract's rows 2 and 4 make its plan
        ImportSettings whole = new ImportSettings("contract-plans", engine.preview(file, ReadOptions.DETECT, "contract-plans").mapping())
                .withMode(ImportSettings.Mode.VALID_ROWS).withBatchSize(10);
        ImportResult together = engine.run(file, ReadOptions.DETECT, whole, new NullProgressMonitor());
        assertEquals(3, together.created(), together.errors().toString());
        assertEquals(2, fx.money.plan(apart.getId()).size());

        // batches of two rows on two fresh contracts: row 4 comes after the batch of rows 2 and 3 was written
        Contract first = fx.approvedContract("客服系统", "1000");
        Contract split = fx.approvedContract("会员系统", "500");
        Files.writeString(file, "Contract,Due,Amount,Description\n"
                + split.getNumber() + ",2027-02-28,200.00,首付\n"
                + first.getNumber() + ",2027-01-31,1000.00,全款\n"
                + split.getNumber() + ",2027-03-31,300.00,尾款\n", StandardCharsets.UTF_8);
        ImportResult result = engine.run(file, ReadOptions.DETECT, whole.withBatchSize(2), new NullProgressMonitor());

        assertEquals(1, result.created(), result.errors().toString());
        assertEquals(2, result.failed(), result.errors().toString());
        assertEquals(1, fx.money.plan(first.getId()).size());
        assertTrue(fx.money.plan(split.getId()).isEmpty(), "no plan is made of a part of its rows");
        var row4 = result.errors().stream().filter(e -> e.row() == 4).findFirst().orElseThrow(() -> new AssertionError(result.errors().toString()));
        assertEquals("Contract", row4.column());
        assertTrue(row4.message().contains(split.getNumber()) && row4.message().contains("rows 2 came") && row4.message().contains("rows 4 cannot"),
                row4.message());
    }
}
