package org.salesbench.contracts.tests.receivables;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.salesbench.cli.CliCommand;
import org.salesbench.cli.CommandException;
import org.salesbench.contracts.ContractStatus;
import org.salesbench.contracts.internal.receivables.ReceivablesCommand;
import org.salesbench.contracts.receivables.Receipt;
import org.salesbench.contracts.receivables.ReceivablesService;
import org.salesbench.testing.CommandRunner;

/** {@code salesbench cli receivables …} over the real service on Derby. */
class ReceivablesCommandTest {

    private final MoneyFixture fx = new MoneyFixture();
    private final CommandRunner cli = new CommandRunner(new ReceivablesCommand(), fx.db).with(ReceivablesService.class, fx.money);

    @AfterEach
    void close() {
        fx.close();
    }

    @Test
    void planReceiptReverseInvoiceAndCreditFromTheCommandLine() throws CommandException {
        long contract = fx.contract(fx.customer("杭州湖畔茶业有限公司"), "li.na", ContractStatus.APPROVED, "1000.00", "CNY");
        String number = fx.db.read(em -> em.find(org.salesbench.contracts.Contract.class, contract).getNumber());
        assertEquals(CliCommand.OK, cli.run("plan", number, "--set", fx.today.plusDays(10) + "=30%," + fx.today.plusDays(40) + "=70%"));
        assertTrue(cli.out().contains("300.00") && cli.out().contains("700.00"), cli.out());

        assertEquals(CliCommand.OK, cli.run("receipt", String.valueOf(contract), "--amount", "1200", "--date", fx.today.toString(), "--method", "wechat-pay",
                "--reference", "WX-88"));
        long receipt = Long.parseLong(cli.out().strip());
        assertTrue(cli.err().contains("200.00"), cli.err());
        List<Receipt> receipts = fx.money.receipts(contract);
        assertEquals(1, receipts.size());
        assertEquals("WX-88", receipts.get(0).getReference());

        assertEquals(CliCommand.OK, cli.run("credit", String.valueOf(receipts.get(0).getCustomerId())));
        assertEquals("200.00", cli.out().strip());

        assertEquals(CliCommand.OK, cli.run("reverse", String.valueOf(receipt), "--reason", "duplicate"));
        long reversal = Long.parseLong(cli.out().strip());
        CommandException again = assertThrows(CommandException.class, () -> cli.run("reverse", String.valueOf(reversal), "--reason", "x"));
        assertEquals(CliCommand.USAGE, again.exitCode());
        assertTrue(again.getMessage().contains("reversal"), again.getMessage());

        assertEquals(CliCommand.OK, cli.run("invoice", number, "--amount", "300", "--tax", "34.51", "--instalments", "1"));
        long invoice = Long.parseLong(cli.out().strip());
        assertEquals(CliCommand.OK, cli.run("issue", String.valueOf(invoice), "--number", "04400123", "--date", fx.today.toString()));
        assertEquals(CliCommand.OK, cli.run("receipts", number, "--format", "csv"));
        List<String> lines = cli.out().strip().lines().toList();
        assertEquals(3, lines.size(), cli.out());
        assertTrue(lines.get(2).startsWith(reversal + ",") && lines.get(2).contains("-1200.00") && lines.get(2).contains("duplicate"), cli.out());
    }

    @Test
    void badArgumentsAreRefusedWithAMessageAndNothingIsWritten() throws CommandException {
        long draft = fx.contract(fx.customer("宁波港口物流有限公司"), "li.na", ContractStatus.DRAFT, "1000.00", "CNY");
        CommandException unapproved = assertThrows(CommandException.class,
                () -> cli.run("receipt", String.valueOf(draft), "--amount", "100", "--date", fx.today.toString()));
        assertTrue(unapproved.getMessage().contains("DRAFT"), unapproved.getMessage());
        CommandException badPlan = assertThrows(CommandException.class,
                () -> cli.run("plan", String.valueOf(draft), "--set", fx.today + "=30%," + fx.today.plusDays(9) + "=60%"));
        assertTrue(badPlan.getMessage().contains("90"), badPlan.getMessage());
        CommandException badDate = assertThrows(CommandException.class, () -> cli.run("plan", String.valueOf(draft), "--set", "tomorrow=100%"));
        assertTrue(badDate.getMessage().contains("tomorrow"), badDate.getMessage());
        CommandException badMethod = assertThrows(CommandException.class,
                () -> cli.run("receipt", String.valueOf(draft), "--amount", "100", "--date", fx.today.toString(), "--method", "gold"));
        assertTrue(badMethod.getMessage().contains("gold") && badMethod.getMessage().contains("BANK_TRANSFER"), badMethod.getMessage());
        CommandException unknown = assertThrows(CommandException.class, () -> cli.run("refund"));
        assertEquals(CliCommand.USAGE, unknown.exitCode());
        assertEquals(0, fx.count("SB_CONTRACT_INSTALMENT"));
        assertEquals(0, fx.count("SB_CONTRACT_RECEIPT"));
    }
}
