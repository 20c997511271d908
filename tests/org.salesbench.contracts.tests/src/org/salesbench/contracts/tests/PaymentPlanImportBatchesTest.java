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
 * not adding up. Rows of one contract apart from each other are planned together within a batch; across batches both
 * parts are refused naming each other's rows, and no plan is made of a part; nor of the rows left when another row of
 * the contract was refused when read.
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
        // the engine holds a group's rows back when some of them are not in the batch: each part names the other's rows
        assertTrue(row4.message().contains(split.getNumber()) && row4.message().contains("row(s) 2 of it") && row4.message().contains("rows 4 are not written"),
                row4.message());
        var row2 = result.errors().stream().filter(e -> e.row() == 2).findFirst().orElseThrow(() -> new AssertionError(result.errors().toString()));
        assertTrue(row2.message().contains("row(s) 4 of it") && row2.message().contains("rows 2 are not written"), row2.message());
    }

    @Test
    void inValidRowsModeAPartOfAPlanThatAddsUpOnItsOwnIsNotWrittenWhenOtherRowsOfTheContractAreRefused() throws IOException {
        Contract refusedRow = fx.approvedContract("仓储系统", "500");
        Contract apartRow = fx.approvedContract("门店系统", "500");
        Contract fine = fx.approvedContract("客服系统", "1000");
        // rows 2 and 3 add up to 500 on their own; row 4 of the same contract has a day that does not exist and is
        // refused when read. Rows 5 and 6 add up too; row 8 of that contract comes after another contract's row 7 and
        // after a batch boundary
        Path file = dir.resolve("parts.csv");
        Files.writeString(file, "Contract,Due,Amount,Description\n"
                + refusedRow.getNumber() + ",2027-01-31,200.00,首付\n"
                + refusedRow.getNumber() + ",2027-02-28,300.00,尾款\n"
                + refusedRow.getNumber() + ",2027-02-30,0.00,质保金\n"
                + apartRow.getNumber() + ",2027-01-31,200.00,首付\n"
                + apartRow.getNumber() + ",2027-02-28,300.00,尾款\n"
                + fine.getNumber() + ",2027-03-31,1000.00,全款\n"
                + apartRow.getNumber() + ",2027-04-30,0.00,质保金\n", StandardCharsets.UTF_8);
        ImportSettings settings = new ImportSettings("contract-plans", engine.preview(file, ReadOptions.DETECT, "contract-plans").mapping())
                .withMode(ImportSettings.Mode.VALID_ROWS).withBatchSize(2);

        ImportResult result = engine.run(file, ReadOptions.DETECT, settings, new NullProgressMonitor());

        assertEquals(1, result.created(), result.errors().toString());
        assertEquals(1, fx.money.plan(fine.getId()).size());
        assertTrue(fx.money.plan(refusedRow.getId()).isEmpty(), "no plan of rows 2 and 3 without row 4");
        assertTrue(fx.money.plan(apartRow.getId()).isEmpty(), "no plan of rows 5 and 6 without row 8");
        for (long row : new long[] { 2, 3 }) {
            var error = result.errors().stream().filter(e -> e.row() == row).findFirst().orElseThrow(() -> new AssertionError(result.errors().toString()));
            assertEquals("Contract", error.column());
            assertTrue(error.message().contains(refusedRow.getNumber()) && error.message().contains("row(s) 4 of it")
                    && error.message().contains("rows 2, 3 are not written"), error.message());
        }
        assertTrue(result.errors().stream().anyMatch(e -> e.row() == 4 && e.column().equals("Due")), result.errors().toString());
        for (long row : new long[] { 5, 6, 8 }) {
            var error = result.errors().stream().filter(e -> e.row() == row).findFirst().orElseThrow(() -> new AssertionError(result.errors().toString()));
            assertTrue(error.message().contains(apartRow.getNumber()), error.message());
        }
        var part = result.errors().stream().filter(e -> e.row() == 5).findFirst().orElseThrow();
        assertTrue(part.message().contains("row(s) 8 of it") && part.message().contains("rows 5, 6 are not written"), part.message());
        var later = result.errors().stream().filter(e -> e.row() == 8).findFirst().orElseThrow();
        assertTrue(later.message().contains("row(s) 5, 6 of it") && later.message().contains("rows 8 are not written"), later.message());
        assertEquals(6, result.failed(), result.errors().toString());
    }
}
