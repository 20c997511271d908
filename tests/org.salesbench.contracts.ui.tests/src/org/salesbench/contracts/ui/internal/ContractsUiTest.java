package org.salesbench.contracts.ui.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Hashtable;
import java.util.List;
import java.util.Objects;
import java.util.Map;
import java.util.UUID;

import org.eclipse.ui.IEditorPart;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.forms.editor.FormEditor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.salesbench.contracts.Contract;
import org.salesbench.contracts.ContractService;
import org.salesbench.contracts.ContractStatus;
import org.salesbench.contracts.internal.ContractServiceImpl;
import org.salesbench.core.events.DomainEventPublisher;
import org.salesbench.core.security.Action;
import org.salesbench.core.security.CurrentUser;
import org.salesbench.core.security.SecurityService;
import org.salesbench.persistence.UnitOfWork;
import org.salesbench.quotes.QuoteService;
import org.salesbench.workflow.approvals.ApprovalService;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceRegistration;
import org.salesbench.contracts.receivables.OpenInstalment;
import org.salesbench.contracts.receivables.ReceiptMethod;
import org.salesbench.core.model.Money;
import org.salesbench.core.time.Clocks;
import org.salesbench.customers.Customer;
import org.salesbench.customers.CustomerService;
import org.salesbench.opportunities.Opportunity;
import org.salesbench.opportunities.OpportunityService;
import org.salesbench.opportunities.PipelineService;
import org.salesbench.opportunities.ui.OpportunityEditors;
import org.salesbench.ui.Services;
import org.salesbench.ui.forms.Jobs;
import org.salesbench.ui.forms.VirtualGrid;
import org.salesbench.ui.testing.UiTesting;

/**
 * From a won deal to money collected, through the contracts UI on the real workbench: the deal's Contracts page makes
 * the contract, its editor submits and approves it, gives it a plan and records a receipt; the editor, the Contracts
 * view, the Receivables view (before and after the receipt), the dashboard's Collected revenue tile and the customer's
 * Contracts page show what was collected and what is open. A signed contract is printed, renewed as an opportunity (once,
 * and again when that deal is in the recycle bin, not once it is restored)
 * and as its next contract.
 */
class ContractsUiTest {

    private IWorkbenchPage page;
    private String unique;
    private final List<String> errors = new ArrayList<>();

    @BeforeEach
    void setUp() {
        page = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
        unique = UUID.randomUUID().toString().substring(0, 6);
    }

    @AfterEach
    void tearDown() {
        page.closeAllEditors(false);
    }

    private Opportunity wonDeal(String customerName, String amount) {
        Customer customer = Services.get(CustomerService.class).create(new Customer(customerName));
        Opportunity o = new Opportunity(customer, "合同商机" + unique, Money.cny(amount));
        o.setPipeline(Services.get(PipelineService.class).pipelines(true).get(0));
        o.setExpectedCloseDate(LocalDate.now(Clocks.system()).plusDays(10));
        Opportunity created = Services.get(OpportunityService.class).create(o);
        return Services.get(OpportunityService.class).markWon(created.getId(), null);
    }

    /** The user's shipped dashboard that shows the contracts' Collected revenue tile, opened, its tiles run. */
    private org.salesbench.analytics.ui.internal.DashboardEditor collectedRevenueDashboard() throws Exception {
        org.salesbench.analytics.dashboards.DashboardService dashboards = Services.get(org.salesbench.analytics.dashboards.DashboardService.class);
        org.salesbench.analytics.dashboards.Dashboard withTile = dashboards.visible().stream()
                .filter(d -> d.getTiles().stream().anyMatch(t -> "collected-revenue".equals(t.getReportId()) && "collected_revenue".equals(t.getMetricId())))
                .findFirst().orElseThrow(() -> new AssertionError("no dashboard with the Collected revenue tile"));
        org.salesbench.analytics.ui.internal.DashboardEditor opened = org.salesbench.analytics.ui.internal.DashboardEditor.open(page, withTile.getId(),
                withTile.getName());
        org.salesbench.analytics.ui.internal.TileControl tile = collectedTile(opened);
        UiTesting.waitUntil("the Collected revenue tile run", () -> {
            settle();
            return tile.state() != org.salesbench.analytics.ui.internal.TileControl.State.LOADING;
        });
        assertTrue(tile.state() != org.salesbench.analytics.ui.internal.TileControl.State.FAILED, tile.messageText());
        return opened;
    }

    private static org.salesbench.analytics.ui.internal.TileControl collectedTile(org.salesbench.analytics.ui.internal.DashboardEditor dashboard) {
        return dashboard.tiles().stream().filter(t -> "collected-revenue".equals(t.tile().getReportId()) && "collected_revenue".equals(t.tile().getMetricId()))
                .findFirst().orElseThrow();
    }

    private static BigDecimal kpiValue(org.salesbench.analytics.ui.internal.TileControl tile) {
        BigDecimal value = tile.result() == null || tile.result().kpi() == null ? null : tile.result().kpi().value();
        return value == null ? BigDecimal.ZERO : value;
    }

    private void settle() {
        UiTesting.waitForJobs(Jobs.FAMILY);
        UiTesting.processEvents();
    }

    @Test
    void fromAWonDealToCollectedRevenue() throws Exception {
        String customerName = "华东精工" + unique;
        Opportunity deal = wonDeal(customerName, "120000");

        // the deal's Contracts page: Create contract from this deal opens the draft
        OpportunityEditors.open(page, deal.getId(), deal.getName());
        IEditorPart dealEditor = page.getActiveEditor();
        assertNotNull(dealEditor);
        FormEditor dealForm = (FormEditor) dealEditor;
        dealForm.setActivePage(OpportunityContractsPage.ID);
        OpportunityContractsPage contractsOfDeal = (OpportunityContractsPage) dealForm.findPage(OpportunityContractsPage.ID);
        contractsOfDeal.setErrorReporter(errors::add);
        settle();
        assertTrue(contractsOfDeal.fromDealButton().isEnabled(), "a won deal offers Create contract");
        contractsOfDeal.createFromDeal().join();
        settle();
        UiTesting.waitUntil("the contract editor opens", () -> page.getActiveEditor() instanceof ContractEditor);
        assertEquals(List.of(), errors);
        ContractEditor editor = (ContractEditor) page.getActiveEditor();
        Contract draft = editor.contract();
        assertEquals(ContractStatus.DRAFT, draft.getStatus());
        assertEquals(0, new BigDecimal("120000").compareTo(draft.getAmount().getAmount()));
        assertEquals(customerName, draft.getCustomer().getName());

        // submit and approve from the Overview page (the state machine's buttons follow the status)
        ContractOverviewPage overview = (ContractOverviewPage) editor.findPage(ContractOverviewPage.ID);
        overview.setErrorReporter(errors::add);
        editor.setActivePage(ContractOverviewPage.ID);
        settle();
        assertTrue(overview.steps().get("submit").isEnabled());
        assertFalse(overview.steps().get("sign").isEnabled(), "no signing before approval");
        overview.submit().join();
        settle();
        if (editor.contract().getStatus() == ContractStatus.IN_APPROVAL) {
            UiTesting.waitUntil("approve offered", () -> overview.steps().get("approve").isEnabled());
            overview.decide(true, "同意").join();
            settle();
        }
        assertEquals(List.of(), errors);
        assertEquals(ContractStatus.APPROVED, editor.contract().getStatus());
        assertTrue(overview.steps().get("sign").isEnabled());
        assertFalse(overview.steps().get("submit").isEnabled());

        // a plan of two instalments, generated and saved: the model rounds the percentages to the cent
        PaymentPlanPage plan = (PaymentPlanPage) editor.findPage(PaymentPlanPage.ID);
        plan.setErrorReporter(errors::add);
        editor.setActivePage(PaymentPlanPage.ID);
        settle();
        plan.generate(2);
        assertTrue(plan.isEditing());
        plan.save(null).join();
        settle();
        UiTesting.waitUntil("the plan saved", () -> plan.rows().size() == 2 && plan.rows().get(0).stored() != null);
        assertEquals(List.of(), errors);
        assertEquals(0, new BigDecimal("60000").compareTo(plan.rows().get(0).stored().getAmount().getAmount()));

        // before the receipt: the Receivables view lists both instalments open, the dashboards' Collected revenue tile
        // shows what was collected so far
        ReceivablesView receivables = (ReceivablesView) page.showView(ReceivablesView.ID);
        receivables.setErrorReporter(errors::add);
        receivables.refresh();
        UiTesting.waitUntil("both instalments listed as open", () -> {
            settle();
            return receivables.loadedRows().stream().filter(r -> r.contractId() == draft.getId()).count() == 2;
        });
        assertEquals(0, new BigDecimal("60000").compareTo(receivables.loadedRows().stream().filter(r -> r.contractId() == draft.getId())
                .filter(r -> r.position() == 1).findFirst().orElseThrow().open().getAmount()));
        org.salesbench.analytics.ui.internal.DashboardEditor dashboard = collectedRevenueDashboard();
        org.salesbench.analytics.ui.internal.TileControl tile = collectedTile(dashboard);
        BigDecimal collectedBefore = kpiValue(tile);
        page.activate(editor);

        // a receipt of 70,000 pays the first instalment and 10,000 of the second
        ReceiptsPage receipts = (ReceiptsPage) editor.findPage(ReceiptsPage.ID);
        editor.setActivePage(ReceiptsPage.ID);
        settle();
        assertTrue(receipts.recordButton().isEnabled(), "an approved contract takes receipts");
        ReceiptDialog dialog = new ReceiptDialog(editor.getSite().getShell(), draft.getId(), draft.getNumber(), "CNY", null);
        dialog.setBlockOnOpen(false);
        dialog.open();
        dialog.fill(LocalDate.now(Clocks.system()), "70000", ReceiptMethod.BANK_TRANSFER, "B-" + unique);
        dialog.okPressed();
        assertNotNull(dialog.recorded(), "the receipt was recorded");
        editor.reload();
        settle();
        UiTesting.waitUntil("the receipt listed", () -> receipts.shownReceipts().size() == 1);
        String collected = Labels.money(Money.cny("70000"));
        String open = Labels.money(Money.cny("50000"));
        assertTrue(receipts.summaryText().contains(collected) && receipts.summaryText().contains(open), receipts.summaryText());

        // an invoice for the first instalment: requested, then issued with its number
        InvoicesPage invoices = (InvoicesPage) editor.findPage(InvoicesPage.ID);
        invoices.setErrorReporter(errors::add);
        editor.setActivePage(InvoicesPage.ID);
        settle();
        long firstInstalment = plan.rows().get(0).stored().getId();
        invoices.request(Money.cny("60000"), Money.cny("6902.65"), java.util.Set.of(firstInstalment)).join();
        settle();
        UiTesting.waitUntil("the invoice requested", () -> invoices.shownInvoices().size() == 1);
        invoices.issue(invoices.shownInvoices().get(0).getId(), "FP-" + unique, LocalDate.now(Clocks.system())).join();
        settle();
        UiTesting.waitUntil("the invoice issued", () -> invoices.shownInvoices().get(0).getStatus() == org.salesbench.contracts.receivables.InvoiceStatus.ISSUED);
        assertEquals("FP-" + unique, invoices.shownInvoices().get(0).getNumber());
        assertEquals(List.of(), errors);

        // the Contracts view: found by the customer's name, with what is collected and open
        ContractsView contracts = (ContractsView) page.showView(ContractsView.ID);
        contracts.setErrorReporter(errors::add);
        UiTesting.type(contracts.searchBox(), customerName);
        UiTesting.waitUntil("the contract listed", () -> {
            settle();
            return contracts.rowCount() == 1 && draft.getNumber().equals(contracts.grid().cellText(0, "number"));
        });
        assertEquals(customerName, contracts.grid().cellText(0, "customer"));
        assertEquals(Labels.of(ContractStatus.APPROVED), contracts.grid().cellText(0, "status"));
        assertEquals(collected, contracts.grid().cellText(0, "collected"));
        assertEquals(open, contracts.grid().cellText(0, "open"));
        UiTesting.screenshot("contracts-view");

        // the Receivables view: the second instalment, 50,000 still open, not yet due
        page.showView(ReceivablesView.ID);
        receivables.refresh();
        UiTesting.waitUntil("the open instalment listed", () -> {
            settle();
            return receivables.loadedRows().stream().anyMatch(r -> r.contractId() == draft.getId());
        });
        OpenInstalment second = receivables.loadedRows().stream().filter(r -> r.contractId() == draft.getId()).findFirst().orElseThrow();
        assertEquals(2, second.position());
        assertEquals(0, new BigDecimal("50000").compareTo(second.open().getAmount()));
        assertEquals(OpenInstalment.Bucket.NOT_DUE, second.bucket(LocalDate.now(Clocks.system())));
        assertEquals(1, receivables.loadedRows().stream().filter(r -> r.contractId() == draft.getId()).count(), "the paid instalment is gone");
        UiTesting.screenshot("receivables-view");

        // the Receivables grid: a header click sorts every open instalment in the database (here what is open, largest
        // first), and the sort outlives closing the view
        VirtualGrid.forgetLayouts(ReceivablesView.ID);
        receivables.grid().clickHeader("open");
        receivables.grid().clickHeader("open");
        org.salesbench.contracts.receivables.ReceivablesSort byOpenDown = new org.salesbench.contracts.receivables.ReceivablesSort(
                org.salesbench.contracts.receivables.ReceivablesSort.Column.OPEN, false);
        List<Long> expected = Services.get(org.salesbench.contracts.receivables.ReceivablesService.class)
                .openInstalments(LocalDate.now(Clocks.system()), false, byOpenDown, 0, ReceivablesView.BLOCK).stream().map(OpenInstalment::instalmentId).toList();
        UiTesting.waitUntil("the instalments by what is open, largest first", () -> {
            settle();
            return receivables.loadedRows().stream().map(OpenInstalment::instalmentId).toList().equals(expected);
        });
        page.hideView(receivables);
        ReceivablesView reopened = (ReceivablesView) page.showView(ReceivablesView.ID);
        assertEquals(org.salesbench.contracts.receivables.ReceivablesSort.Column.OPEN, reopened.grid().sortKey(), "the sort kept");
        assertFalse(reopened.grid().ascending());
        UiTesting.waitUntil("the reopened list in the kept order", () -> {
            settle();
            return reopened.loadedRows().stream().map(OpenInstalment::instalmentId).toList().equals(expected);
        });
        page.hideView(reopened);
        VirtualGrid.forgetLayouts(ReceivablesView.ID);

        // the dashboard's Collected revenue tile, run again, counts the 70,000 received today
        page.activate(dashboard);
        dashboard.refresh();
        UiTesting.waitUntil("the tile run again", () -> {
            settle();
            return tile.state() == org.salesbench.analytics.ui.internal.TileControl.State.SHOWN && kpiValue(tile).compareTo(collectedBefore) != 0;
        });
        assertEquals(0, new BigDecimal("70000").compareTo(kpiValue(tile).subtract(collectedBefore)),
                "collected " + collectedBefore + " before, " + kpiValue(tile) + " after");
        assertTrue(!tile.kpi().figureText().isBlank(), "the KPI shows a figure");

        // the customer's Contracts page: the contract with what it collected
        FormEditor customerEditor = org.salesbench.customers.ui.internal.CustomerEditor.open(page, draft.getCustomer().getId(), customerName);
        customerEditor.setActivePage(CustomerContractsPage.ID);
        CustomerContractsPage ofCustomer = (CustomerContractsPage) customerEditor.findPage(CustomerContractsPage.ID);
        UiTesting.waitUntil("the customer's contract listed", () -> {
            settle();
            return ofCustomer.shownRows().size() == 1;
        });
        assertEquals(draft.getId(), ofCustomer.shownRows().get(0).contract().getId());
        assertEquals(collected, ofCustomer.shownRows().get(0).collected());
        assertEquals("1 contract(s), 0 with money past due", ofCustomer.statusText());
        assertEquals(List.of(), errors);
    }

    @Test
    void theContractEditorHasTheHistoryPageOfEveryRecordEditor() throws Exception {
        Opportunity deal = wonDeal("历史客户" + unique, "8000");
        ContractService service = Services.get(ContractService.class);
        Contract draft = service.createFromOpportunity(deal.getId());
        Contract edited = service.find(draft.getId()).orElseThrow();
        edited.setTitle("变更后的合同" + unique);
        service.update(edited);
        ContractEditor editor = ContractEditor.open(page, draft.getId(), draft.getNumber());
        org.salesbench.audit.ui.AuditHistoryPage history = (org.salesbench.audit.ui.AuditHistoryPage) editor
                .setActivePage(org.salesbench.audit.ui.AuditHistoryPage.ID);
        settle();
        UiTesting.waitUntil("the contract's history", () -> history.table() != null && history.table().getItemCount() >= 2);
        org.eclipse.swt.widgets.TableItem newest = history.table().getItem(0);
        assertEquals(List.of("changed", "Title", Objects.toString(draft.getTitle(), ""), "变更后的合同" + unique),
                List.of(newest.getText(1), newest.getText(2), newest.getText(3), newest.getText(4)));
        assertEquals("created", history.table().getItem(history.table().getItemCount() - 1).getText(1));
    }

    @Test
    void aReceiptOnAnUnapprovedContractIsRefusedWithItsReason() throws Exception {
        Opportunity deal = wonDeal("未审批客户" + unique, "5000");
        Contract draft = Services.get(ContractService.class).createFromOpportunity(deal.getId());
        ContractEditor editor = ContractEditor.open(page, draft.getId(), draft.getNumber());
        editor.setActivePage(ReceiptsPage.ID);
        settle();
        ReceiptsPage receipts = (ReceiptsPage) editor.findPage(ReceiptsPage.ID);
        assertFalse(receipts.recordButton().isEnabled(), "a draft takes no receipt");
        ReceiptDialog dialog = new ReceiptDialog(editor.getSite().getShell(), draft.getId(), draft.getNumber(), "CNY", null);
        dialog.setBlockOnOpen(false);
        dialog.open();
        assertFalse(dialog.methodChoices().contains(Labels.of(ReceiptMethod.CREDIT)), "credit is applied, never recorded by hand");
        assertEquals(ReceiptMethod.values().length - 1, dialog.methodChoices().size());
        dialog.fill(LocalDate.now(Clocks.system()), "1000", ReceiptMethod.CASH, null);
        dialog.okPressed();
        assertEquals(null, dialog.recorded());
        assertNotNull(dialog.getShell(), "the dialog stays open with the reason");
        assertTrue(dialog.getErrorMessage() != null && !dialog.getErrorMessage().isBlank());
        dialog.close();
        assertEquals(List.of(), Services.get(org.salesbench.contracts.receivables.ReceivablesService.class).receipts(draft.getId()));

        // a plan that does not add up to the contract amount is refused with the model's reason, and nothing is saved
        PaymentPlanPage plan = (PaymentPlanPage) editor.findPage(PaymentPlanPage.ID);
        plan.setErrorReporter(errors::add);
        editor.setActivePage(PaymentPlanPage.ID);
        settle();
        plan.add(org.salesbench.contracts.receivables.PlannedInstalment.amount(LocalDate.now(Clocks.system()).plusDays(30), Money.cny("4000")));
        plan.save(null).join();
        settle();
        assertEquals(1, errors.size(), errors.toString());
        assertTrue(plan.isEditing(), "the plan stays as edited");
        assertEquals(List.of(), Services.get(org.salesbench.contracts.receivables.ReceivablesService.class).plan(draft.getId()));
    }

    @Test
    void aSignedContractIsPrintedRenewedAndItsRenewalDeleted() throws Exception {
        ContractService service = Services.get(ContractService.class);
        Contract contract = service.createFromOpportunity(wonDeal("续签客户" + unique, "8000").getId());
        LocalDate today = LocalDate.now(Clocks.system());
        contract.setStartDate(today.minusMonths(11));
        contract.setEndDate(today.plusMonths(1));
        service.update(contract);
        if (service.submitForApproval(contract.getId()).getStatus() == ContractStatus.IN_APPROVAL) {
            service.recordApprovalDecision(contract.getId(), true, "同意");
        }
        Contract signed = service.sign(contract.getId(), today);
        ContractEditor editor = ContractEditor.open(page, signed.getId(), signed.getNumber());
        ContractOverviewPage overview = (ContractOverviewPage) editor.findPage(ContractOverviewPage.ID);
        overview.setErrorReporter(errors::add);
        editor.setActivePage(ContractOverviewPage.ID);
        settle();

        // Print: the model's document, as PDF, where the user chose
        java.nio.file.Path pdf = java.nio.file.Files.createTempDirectory("contract-print").resolve(signed.getNumber() + ".pdf");
        overview.print(pdf).join();
        settle();
        assertEquals(List.of(), errors);
        assertTrue(java.nio.file.Files.size(pdf) > 0);
        assertEquals("%PDF", new String(java.nio.file.Files.readAllBytes(pdf), 0, 4, java.nio.charset.StandardCharsets.US_ASCII));

        // Renew: the renewal opportunity, the contract's customer, amount and owner, closing on its end date; once only
        assertTrue(overview.steps().get("renew").isEnabled(), "a signed contract with an end date is renewed");
        overview.renew().join();
        settle();
        assertEquals(List.of(), errors);
        Long renewalDealId = service.find(signed.getId()).orElseThrow().getRenewalOpportunityId();
        assertNotNull(renewalDealId, "the contract names its renewal opportunity");
        Opportunity renewalDeal = Services.get(OpportunityService.class).find(renewalDealId).orElseThrow();
        assertEquals(signed.getCustomer().getId(), renewalDeal.getCustomer().getId());
        assertEquals(0, signed.getAmount().getAmount().compareTo(renewalDeal.getAmount().getAmount()));
        assertEquals(today.plusMonths(1), renewalDeal.getExpectedCloseDate());
        assertEquals(signed.getOwner(), renewalDeal.getOwner());
        UiTesting.waitUntil("Renew no longer offered", () -> {
            settle();
            return !overview.steps().get("renew").isEnabled();
        });
        overview.renew().join();
        settle();
        assertEquals(1, errors.size(), errors.toString());
        assertTrue(errors.get(0).contains(signed.getNumber()) && errors.get(0).contains(renewalDeal.getName()), errors.get(0));
        errors.clear();

        // the renewal deal to the recycle bin: Renew is offered again; restored, it is not; binned again, Renew makes a new deal
        OpportunityService deals = Services.get(OpportunityService.class);
        org.salesbench.core.recyclebin.RecycleBin bin = Services.get(org.salesbench.core.recyclebin.RecycleBin.class);
        deals.delete(renewalDealId);
        UiTesting.waitUntil("Renew offered again once the renewal deal is in the recycle bin", () -> {
            settle();
            return overview.steps().get("renew").isEnabled();
        });
        assertTrue(service.renewalOpportunity(signed.getId()).isEmpty());
        bin.restore(Opportunity.ENTITY, renewalDealId);
        UiTesting.waitUntil("Renew no longer offered once the renewal deal is restored", () -> {
            settle();
            return !overview.steps().get("renew").isEnabled();
        });
        assertEquals(renewalDealId, service.renewalOpportunity(signed.getId()).orElseThrow().getId());
        deals.delete(renewalDealId);
        UiTesting.waitUntil("Renew offered again", () -> {
            settle();
            return overview.steps().get("renew").isEnabled();
        });
        overview.renew().join();
        settle();
        assertEquals(List.of(), errors);
        Long secondDealId = service.find(signed.getId()).orElseThrow().getRenewalOpportunityId();
        assertNotNull(secondDealId);
        assertTrue(secondDealId.longValue() != renewalDealId.longValue(), "a new renewal deal");
        assertTrue(deals.find(secondDealId).isPresent());
        UiTesting.waitUntil("Renew no longer offered after the second renewal", () -> {
            settle();
            return !overview.steps().get("renew").isEnabled();
        });

        // Next Contract: the next contract, a draft naming this one, opens in its own editor
        assertTrue(overview.steps().get("nextContract").isEnabled(), "a signed contract with dates is renewed");
        overview.nextContract().join();
        settle();
        UiTesting.waitUntil("the renewal opens", () -> page.getActiveEditor() instanceof ContractEditor e && e.contract().getId() != signed.getId());
        assertEquals(List.of(), errors);
        ContractEditor renewalEditor = (ContractEditor) page.getActiveEditor();
        Contract renewal = renewalEditor.contract();
        assertEquals(ContractStatus.DRAFT, renewal.getStatus());
        assertEquals(signed.getId(), renewal.getRenewsId());
        assertEquals(today.plusMonths(1).plusDays(1), renewal.getStartDate());

        // Delete (confirmed): to the recycle bin, and its editor closes
        ContractOverviewPage renewalOverview = (ContractOverviewPage) renewalEditor.findPage(ContractOverviewPage.ID);
        renewalOverview.setErrorReporter(errors::add);
        renewalOverview.delete().join();
        settle();
        assertEquals(List.of(), errors);
        assertTrue(service.find(renewal.getId()).isEmpty(), "the renewal is in the recycle bin");
        assertFalse(List.of(page.getEditorReferences()).stream().anyMatch(r -> r.getEditor(false) == renewalEditor), "its editor closed");
        assertTrue(service.find(signed.getId()).isPresent());
    }

    @Test
    void deleteIsOfferedOnlyToWhoMayDeleteTheContract() throws Exception {
        ContractService service = Services.get(ContractService.class);
        Contract draft = service.createFromOpportunity(wonDeal("无权删除客户" + unique, "6000").getId());
        ContractEditor editor = ContractEditor.open(page, draft.getId(), draft.getNumber());
        editor.setActivePage(ContractOverviewPage.ID);
        settle();
        ContractOverviewPage overview = (ContractOverviewPage) editor.findPage(ContractOverviewPage.ID);
        UiTesting.waitUntil("the owner's Delete", () -> overview.steps().get("delete").isEnabled());
        page.closeAllEditors(false);

        // the same workbench with someone signed in who holds every right on contracts but DELETE: the real contract
        // service on the real database, as DS wires it for that user
        SecurityService noDelete = new SecurityService() {
            @Override
            public CurrentUser currentUser() {
                return new CurrentUser("intern.x", "实习生");
            }

            @Override
            public boolean isPermitted(Action action, String entity, String owner) {
                return !(action == Action.DELETE && Contract.ENTITY.equals(entity));
            }
        };
        ContractServiceImpl theirs = new ContractServiceImpl(Services.get(UnitOfWork.class), noDelete, Services.get(DomainEventPublisher.class),
                Services.get(ApprovalService.class), Services.get(OpportunityService.class), Services.get(QuoteService.class));
        BundleContext context = FrameworkUtil.getBundle(ContractsUiTest.class).getBundleContext();
        ServiceRegistration<ContractService> registration = context.registerService(ContractService.class, theirs,
                new Hashtable<>(Map.of(Constants.SERVICE_RANKING, Integer.MAX_VALUE)));
        try {
            assertSame(theirs, Services.get(ContractService.class), "the workbench asks the limited user's service");
            assertFalse(theirs.mayDelete(draft.getId()));
            ContractEditor limited = ContractEditor.open(page, draft.getId(), draft.getNumber());
            limited.setActivePage(ContractOverviewPage.ID);
            settle();
            ContractOverviewPage limitedOverview = (ContractOverviewPage) limited.findPage(ContractOverviewPage.ID);
            UiTesting.waitUntil("the overview's steps", () -> limitedOverview.steps().get("submit") != null && limitedOverview.steps().get("submit").isEnabled());
            settle();
            assertFalse(limitedOverview.steps().get("delete").isEnabled(), "no Delete without the right");
            assertTrue(service.find(draft.getId()).isPresent());
        } finally {
            page.closeAllEditors(false);
            registration.unregister();
            UiTesting.processEvents();
        }
    }
}
