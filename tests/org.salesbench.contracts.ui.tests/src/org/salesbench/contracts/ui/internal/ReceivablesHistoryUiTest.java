package org.salesbench.contracts.ui.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.eclipse.core.runtime.Platform;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.TabFolder;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.handlers.IHandlerService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.salesbench.contracts.Contract;
import org.salesbench.contracts.ContractService;
import org.salesbench.contracts.receivables.PlannedInstalment;
import org.salesbench.contracts.receivables.Receipt;
import org.salesbench.contracts.receivables.ReceiptMethod;
import org.salesbench.contracts.receivables.ReceivablesService;
import org.salesbench.core.model.Money;
import org.salesbench.core.time.Clocks;
import org.salesbench.ui.Services;
import org.salesbench.ui.forms.Jobs;
import org.salesbench.ui.forms.RecordSelection;
import org.salesbench.ui.forms.SelectedRecord;
import org.salesbench.ui.testing.UiTesting;

/**
 * The money rows' history on the real workbench under Xvfb on Derby: a recorded receipt opens in its dialog, whose
 * History tab (the audit UI's, contributed once to every record editor and dialog) lists the receipt's creation by the
 * signed-in user, while a receipt being recorded says its history starts when it is saved; Edit › Show History reaches
 * a payment-plan row (the Payment plan page), a write-off (the receipt's allocations) and an entry of the customer's
 * credit (the customer's Contracts page), each under its own entity, never the contract's.
 */
class ReceivablesHistoryUiTest {

    private static final String COMMAND = "org.salesbench.audit.ui.showHistory";
    private static final String USER = "ui.tester"; // -Dsalesbench.user of this test run
    private IWorkbenchPage page;
    private String unique;

    @BeforeEach
    void setUp() {
        page = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
        unique = UUID.randomUUID().toString().substring(0, 6);
    }

    @AfterEach
    void tearDown() {
        page.closeAllEditors(false);
    }

    /** An approved contract of 10,000 with a plan of 6,000 and 4,000, and a receipt of 12,000: 2,000 goes to credit. */
    private Contract paidContract(String customerName) {
        Contract contract = ApprovedContracts.approved(customerName, "回款历史" + unique, "10000");
        LocalDate today = LocalDate.now(Clocks.system());
        ReceivablesService money = Services.get(ReceivablesService.class);
        money.setPlan(contract.getId(), List.of(PlannedInstalment.amount(today.plusDays(10), Money.cny("6000")),
                PlannedInstalment.amount(today.plusDays(40), Money.cny("4000"))), null);
        money.recordReceipt(contract.getId(), today, Money.cny("12000"), ReceiptMethod.BANK_TRANSFER, "HK-" + unique);
        return Services.get(ContractService.class).find(contract.getId()).orElseThrow();
    }

    private void settle() {
        UiTesting.waitForJobs(Jobs.FAMILY);
        UiTesting.processEvents();
    }

    @Test
    void aRecordedReceiptShowsItsHistoryInItsDialog() throws Exception {
        Contract contract = paidContract("回款对话框" + unique + "有限公司");
        ContractEditor editor = ContractEditor.open(page, contract.getId(), contract.getNumber());
        ReceiptsPage receipts = (ReceiptsPage) editor.setActivePage(ReceiptsPage.ID);
        settle();
        UiTesting.waitUntil("the receipt listed", () -> receipts.shownReceipts().size() == 1);
        Receipt receipt = receipts.shownReceipts().get(0);

        ReceiptDialog dialog = receipts.openReceipt(receipt);
        dialog.setBlockOnOpen(false);
        dialog.open();
        try {
            TabFolder tabs = dialog.tabs();
            assertEquals(List.of(Messages.Receipt_detailsTab, historyLabel()), List.of(tabs.getItem(0).getText(), tabs.getItem(1).getText()));
            tabs.setSelection(1);
            Table history = UiTesting.find((Composite) tabs.getItem(1).getControl(), Table.class, t -> true).get(0);
            UiTesting.waitUntil("the receipt's history", () -> {
                settle();
                return history.getItemCount() > 0;
            });
            List<List<String>> rows = rows(history);
            // the receipt's creation by who recorded it, under its own id (not the contract's history)
            assertTrue(rows.stream().anyMatch(r -> r.get(5).equals(USER)), rows.toString());
            assertEquals(rows.size(), Services.get(org.salesbench.audit.AuditTrail.class)
                    .history(ReceivablesService.RECEIPT_AUDIT_ENTITY, receipt.getId()).size());
            UiTesting.screenshot("receipt-dialog-history-" + Platform.getNL());
        } finally {
            dialog.close();
        }

        // a receipt being recorded: the same tab, saying its history starts when it is saved
        ReceiptDialog recording = new ReceiptDialog(editor.getSite().getShell(), contract.getId(), contract.getNumber(), "CNY", null);
        recording.setBlockOnOpen(false);
        recording.open();
        try {
            Composite tab = (Composite) recording.tabs().getItem(1).getControl();
            assertEquals(historyLabel(), recording.tabs().getItem(1).getText());
            assertTrue(UiTesting.find(tab, Label.class, l -> !l.getText().isBlank()).size() == 1, "the not-saved message");
            assertEquals(0, UiTesting.find(tab, Table.class, t -> true).get(0).getItemCount());
        } finally {
            recording.close();
        }
    }

    @Test
    void planRowsWriteOffsAndCreditReachShowHistory() throws Exception {
        Contract contract = paidContract("回款列表" + unique + "有限公司");
        ReceivablesService money = Services.get(ReceivablesService.class);
        ContractEditor editor = ContractEditor.open(page, contract.getId(), contract.getNumber());

        // a payment-plan row: its creation and its payment, under contract_instalment
        PaymentPlanPage plan = (PaymentPlanPage) editor.setActivePage(PaymentPlanPage.ID);
        settle();
        UiTesting.waitUntil("the plan", () -> plan.rows().size() == 2 && plan.rows().get(0).stored() != null);
        plan.select(0);
        SelectedRecord row = RecordSelection.selectedIn(editor).orElseThrow();
        assertEquals(ReceivablesService.INSTALMENT_AUDIT_ENTITY, row.entity());
        assertEquals(plan.rows().get(0).stored().getId(), row.id());
        List<List<String>> rows = showHistory();
        assertTrue(rows.stream().anyMatch(r -> r.get(1).equals("created")), rows.toString());
        assertTrue(rows.stream().anyMatch(r -> r.get(1).equals("changed")), "the receipt paid it: " + rows);

        // a write-off of the receipt: selected among the receipt's allocations
        ReceiptsPage receipts = (ReceiptsPage) editor.setActivePage(ReceiptsPage.ID);
        settle();
        UiTesting.waitUntil("the receipt listed", () -> receipts.shownReceipts().size() == 1);
        UiTesting.selectRow(receipts.receiptsViewer().getTable(), 0);
        assertEquals(ReceivablesService.RECEIPT_AUDIT_ENTITY, RecordSelection.selectedIn(editor).orElseThrow().entity());
        Table allocations = receipts.allocationsViewer().getTable();
        UiTesting.waitUntil("the write-offs", () -> {
            settle();
            return allocations.getItemCount() == 2;
        });
        UiTesting.selectRow(allocations, 1);
        SelectedRecord writeOff = RecordSelection.selectedIn(editor).orElseThrow();
        assertEquals(ReceivablesService.ALLOCATION_AUDIT_ENTITY, writeOff.entity());
        assertTrue(money.allocations(receipts.shownReceipts().get(0).getId()).stream().anyMatch(a -> a.getId() == writeOff.id()));
        rows = showHistory();
        assertTrue(rows.stream().anyMatch(r -> r.get(1).equals("created") && r.get(5).equals(USER)), rows.toString());
        // back in the receipts' table, the receipt again
        UiTesting.selectRow(receipts.receiptsViewer().getTable(), 0);
        assertEquals(ReceivablesService.RECEIPT_AUDIT_ENTITY, RecordSelection.selectedIn(editor).orElseThrow().entity());

        // the customer's credit: the over-payment of 2,000, listed on the customer's Contracts page
        var customerEditor = org.salesbench.customers.ui.internal.CustomerEditor.open(page, contract.getCustomer().getId(),
                contract.getCustomer().getName());
        CustomerContractsPage ofCustomer = (CustomerContractsPage) customerEditor.setActivePage(CustomerContractsPage.ID);
        UiTesting.waitUntil("the credit entry", () -> {
            settle();
            return ofCustomer.creditViewer().getTable().getItemCount() == 1 && ofCustomer.shownRows().size() == 1;
        });
        Table credit = ofCustomer.creditViewer().getTable();
        assertEquals(Labels.money(Money.cny("2000")), credit.getItem(0).getText(1));
        assertEquals(contract.getNumber(), credit.getItem(0).getText(2));
        UiTesting.selectRow(credit, 0);
        SelectedRecord entry = RecordSelection.selectedIn(customerEditor).orElseThrow();
        assertEquals(ReceivablesService.CREDIT_AUDIT_ENTITY, entry.entity());
        assertEquals(money.creditEntries(contract.getCustomer().getId()).get(0).getId(), entry.id());
        rows = showHistory();
        assertTrue(rows.stream().anyMatch(r -> r.get(1).equals("created") && r.get(5).equals(USER)), rows.toString());
        // the contract row of the same page names the contract
        UiTesting.selectRow(ofCustomer.contractsViewer().getTable(), 0);
        assertEquals(new SelectedRecord(Contract.ENTITY, contract.getId(), contract.getNumber()), RecordSelection.selectedIn(customerEditor).orElseThrow());
    }

    private static String historyLabel() {
        // the audit UI's page label (its plugin.properties), in the run's language (the screenshots run in Chinese too)
        return Platform.getNL().startsWith("zh") ? "\u53d8\u66f4\u5386\u53f2" : "History";
    }

    private static List<List<String>> rows(Table table) {
        List<List<String>> rows = new ArrayList<>();
        for (TableItem item : table.getItems()) {
            List<String> row = new ArrayList<>();
            for (int i = 0; i < table.getColumnCount(); i++) {
                row.add(item.getText(i));
            }
            rows.add(row);
        }
        return rows;
    }

    /** Runs Edit › Show History and reads the dialog's rows once its history is shown, then closes it. */
    private List<List<String>> showHistory() throws Exception {
        List<List<String>> rows = new ArrayList<>();
        UiTesting.DialogAnswer answer = UiTesting.whenDialogOpens("History", shell -> {
            Table history = UiTesting.find(shell, Table.class, t -> true).get(0);
            UiTesting.waitUntil("the history", () -> history.getItemCount() > 0, 10_000);
            rows.addAll(rows(history));
            UiTesting.click(shell, "Close");
        });
        PlatformUI.getWorkbench().getService(IHandlerService.class).executeCommand(COMMAND, null);
        answer.assertAnswered();
        Display.getCurrent().readAndDispatch();
        return rows;
    }
}
