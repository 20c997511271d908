package org.salesbench.contracts.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.salesbench.cli.CliCommand;
import org.salesbench.cli.internal.Cli;
import org.salesbench.contracts.Contract;
import org.salesbench.contracts.ContractLine;
import org.salesbench.contracts.ContractStatus;
import org.salesbench.core.security.LocalSecurityService;
import org.salesbench.customers.Customer;
import org.salesbench.persistence.Database;
import org.salesbench.persistence.DatabaseSettings;

/**
 * Payment plans and receipts through the {@code import} and {@code export} commands (the real import engine and its
 * DS services): good rows written through the receivables service, bad ones refused naming their row and column, a
 * plan that does not add up refused whole, and the export listing what is in force.
 */
class ContractTransferTest {

    record Result(int code, String out, String err) {
    }

    @TempDir
    Path dir;

    private Result run(String... args) {
        return runOn("db", args);
    }

    private Result runOn(String database, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code;
        try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8); PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            code = new Cli(DatabaseSettings.embedded(dir.resolve(database))).run(args, o, e);
        }
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** Two approved contracts of one customer, HT-X-1 for 1,000.00 and HT-X-2 for 500.00, written before the commands run. */
    private void contracts() {
        try (Database db = Database.open(DatabaseSettings.embedded(dir.resolve("db")), new LocalSecurityService())) {
            db.write(em -> {
                Customer customer = new Customer("厦门鹭岛贸易有限公司");
                customer.setNormalizedName(customer.getName() + UUID.randomUUID());
                em.persist(customer);
                for (String[] c : new String[][] { { "HT-X-1", "1000.00" }, { "HT-X-2", "500.00" } }) {
                    Contract contract = new Contract(customer, "年度服务 " + c[0], "CNY");
                    contract.setNumber(c[0]);
                    contract.setStatus(ContractStatus.APPROVED);
                    contract.addLine(new ContractLine(null, "服务", BigDecimal.ONE, new BigDecimal(c[1]), BigDecimal.ZERO, BigDecimal.ZERO));
                    contract.applyTotals();
                    em.persist(contract);
                }
                return null;
            });
        }
    }

    private Path write(String name, String text) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file;
    }

    @Test
    void plansAndReceiptsComeInRowByRowWithRefusalsNamingRowAndColumnAndGoOut() throws IOException {
        contracts();
        Path plans = write("plans.csv", """
                Contract,Due,Amount,Description
                HT-X-1,2026-01-31,300.00,首付
                HT-X-1,2026-03-31,700.00,尾款
                HT-X-2,2026-02-28,200.00,
                HT-X-2,2026-04-30,250.00,
                HT-X-9,2026-01-01,1.00,
                """);
        // all or nothing by default: refused rows keep the good ones out too
        Result refused = run("import", "contract-plans", plans.toString());
        assertEquals(CliCommand.DATA, refused.code(), refused.toString());
        assertEquals(1, run("receivables", "plan", "HT-X-1", "--format", "csv").out().strip().lines().count());
        Result planned = run("import", "contract-plans", plans.toString(), "--mode", "valid-rows");
        assertEquals(CliCommand.PARTIAL, planned.code(), planned.toString());
        assertTrue(planned.out().contains("Created 2, updated 0, skipped 0, failed 3."), planned.toString());
        // HT-X-2's rows add up to 450.00 of 500.00: both refused on the amount; HT-X-9 does not exist
        assertTrue(planned.err().contains("Row 4, column \"Amount\"") && planned.err().contains("Row 5, column \"Amount\"")
                && planned.err().contains("500.00"), planned.err());
        assertTrue(planned.err().contains("Row 6, column \"Contract\"") && planned.err().contains("HT-X-9"), planned.err());
        Result plan = run("receivables", "plan", "HT-X-1", "--format", "csv");
        assertTrue(plan.out().contains(",2026-01-31,300.00,,0.00,300.00") && plan.out().contains(",2026-03-31,700.00,,0.00,700.00"), plan.out());
        assertEquals(1, run("receivables", "plan", "HT-X-2", "--format", "csv").out().strip().lines().count());

        Path receipts = write("receipts.csv", """
                Contract,Date,Amount,Method,Reference
                HT-X-1,2026-02-01,350.00,bank-transfer,B-1
                HT-X-1,2026-02-02,-5,cash,
                HT-X-1,2026-02-03,10.00,bitcoin,
                HT-X-2,2026-02-04,100.00,cash,C-7
                """);
        Result received = run("import", "contract-receipts", receipts.toString(), "--mode", "valid-rows");
        assertEquals(CliCommand.PARTIAL, received.code(), received.toString());
        assertTrue(received.out().contains("Created 2, updated 0, skipped 0, failed 2."), received.toString());
        assertTrue(received.err().contains("column \"Amount\"") && received.err().contains("-5"), received.err());
        assertTrue(received.err().contains("column \"Method\"") && received.err().contains("bitcoin"), received.err());
        // 350 paid the first instalment and 50 of the second, first in first out
        assertTrue(run("receivables", "plan", "HT-X-1", "--format", "csv").out().contains(",2026-03-31,700.00,,50.00,650.00"));

        Path receiptsOut = dir.resolve("receipts-out.csv");
        assertEquals(CliCommand.OK, run("export", "contract-receipts", receiptsOut.toString()).code());
        String exported = Files.readString(receiptsOut, StandardCharsets.UTF_8);
        assertTrue(exported.contains("HT-X-1") && exported.contains("350.00") && exported.contains("B-1") && exported.contains("BANK_TRANSFER"), exported);
        assertTrue(exported.contains("HT-X-2") && exported.contains("C-7"), exported);
        Path plansOut = dir.resolve("plans-out.csv");
        assertEquals(CliCommand.OK, run("export", "contract-plans", plansOut.toString()).code());
        String plansExported = Files.readString(plansOut, StandardCharsets.UTF_8);
        assertTrue(plansExported.contains("HT-X-1") && plansExported.contains("2026-01-31") && plansExported.contains("700.00"), plansExported);
        assertEquals(3, plansExported.strip().lines().count(), plansExported);
    }

    /**
     * {@code export contracts} then {@code import contracts} into another database, and the plans after them: the
     * contracts arrive with their numbers, amounts and status (the CLI's local user may approve), the plans on them.
     */
    @Test
    void contractsAndThenTheirPlansRoundTripThroughTheCommands() throws IOException {
        contracts();
        assertEquals(CliCommand.OK, run("import", "contract-plans", write("plan.csv", "Contract,Due,Amount\nHT-X-1,2026-05-31,1000.00\n").toString()).code());
        Path contractsOut = dir.resolve("contracts-out.csv");
        Path plansOut = dir.resolve("plans-out.csv");
        assertEquals(CliCommand.OK, run("export", "contracts", contractsOut.toString()).code());
        assertEquals(CliCommand.OK, run("export", "contract-plans", plansOut.toString()).code());
        String exported = Files.readString(contractsOut, StandardCharsets.UTF_8);
        assertTrue(exported.contains("HT-X-1") && exported.contains("1000.00") && exported.contains("APPROVED"), exported);

        try (Database db = Database.open(DatabaseSettings.embedded(dir.resolve("db2")), new LocalSecurityService())) {
            db.write(em -> {
                Customer customer = new Customer("厦门鹭岛贸易有限公司");
                customer.setNormalizedName(customer.getName() + UUID.randomUUID());
                em.persist(customer);
                return null;
            });
        }
        Result in = runOn("db2", "import", "contracts", contractsOut.toString());
        assertEquals(CliCommand.OK, in.code(), in.toString());
        assertTrue(in.out().contains("Created 2,"), in.toString());
        Result plans = runOn("db2", "import", "contract-plans", plansOut.toString());
        assertEquals(CliCommand.OK, plans.code(), plans.toString());
        assertTrue(plans.out().contains("Created 1,"), plans.toString());
        Path again = dir.resolve("contracts-again.csv");
        assertEquals(CliCommand.OK, runOn("db2", "export", "contracts", again.toString()).code());
        String reexported = Files.readString(again, StandardCharsets.UTF_8);
        // the same rows but for the Version column (a new database counts its own)
        assertEquals(withoutLastColumn(exported), withoutLastColumn(reexported));
    }

    private static String withoutLastColumn(String csv) {
        return csv.lines().map(l -> l.substring(0, l.lastIndexOf(','))).collect(java.util.stream.Collectors.joining("\n"));
    }
}
