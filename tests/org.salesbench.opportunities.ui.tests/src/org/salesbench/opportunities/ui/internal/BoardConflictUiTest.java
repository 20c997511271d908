package org.salesbench.opportunities.ui.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.UUID;

import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;
import org.junit.jupiter.api.Test;
import org.salesbench.core.model.Money;
import org.salesbench.customers.Customer;
import org.salesbench.customers.CustomerService;
import org.salesbench.opportunities.Opportunity;
import org.salesbench.opportunities.OpportunityService;
import org.salesbench.opportunities.Pipeline;
import org.salesbench.opportunities.PipelineService;
import org.salesbench.opportunities.Stage;
import org.salesbench.opportunities.StageKind;
import org.salesbench.persistence.UnitOfWork;
import org.salesbench.ui.Services;
import org.salesbench.ui.forms.Jobs;
import org.salesbench.ui.testing.UiTesting;

/**
 * A card dragged after another client changed its deal, in the real workbench under Xvfb: the board refuses the move,
 * says which deal changed and who changed it, and on Reload draws the deal as stored, so the next drag goes through.
 */
class BoardConflictUiTest {

    private static final String CONFLICT_TITLE = "Changed by someone else";

    @Test
    void aStaleCardsMoveIsRefusedWithAReloadThatShowsTheCurrentDeal() throws Exception {
        IWorkbenchPage page = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
        OpportunityService opportunities = Services.get(OpportunityService.class);
        Pipeline pipeline = Services.get(PipelineService.class).pipelines(true).get(0);
        Stage first = pipeline.firstStage(StageKind.OPEN).orElseThrow();
        Stage needs = pipeline.getStages().stream().filter(s -> s.getName().equals("Needs analysis")).findFirst().orElseThrow();
        Customer customer = Services.get(CustomerService.class).create(new Customer("看板冲突客户" + UUID.randomUUID().toString().substring(0, 6)));
        Opportunity created = new Opportunity(customer, "冲突商机 " + customer.getName(), Money.cny("50000"));
        created.setPipeline(pipeline);
        Opportunity deal = opportunities.create(created);

        BoardView view = (BoardView) page.showView(BoardView.ID);
        UiTesting.waitForJobs(Jobs.FAMILY);
        view.selectPipeline(pipeline.getId());
        UiTesting.waitForJobs(Jobs.FAMILY);
        UiTesting.waitUntil("the card in the first stage", () -> view.shownCards(first.getId()).stream().anyMatch(c -> c.id() == deal.getId()), 10_000);

        // another client (another workbench on the team database) saves the deal: no event reaches this board
        Services.get(UnitOfWork.class).write(em -> em.createNativeQuery(
                "UPDATE SB_OPPORTUNITY SET NEXT_STEP = ?, VERSION = VERSION + 1, UPDATED_BY = ? WHERE ID = ?")
                .setParameter(1, "对方的下一步").setParameter(2, "zhang.min").setParameter(3, deal.getId()).executeUpdate());

        String[] said = new String[1];
        UiTesting.DialogAnswer reload = UiTesting.whenDialogOpens(CONFLICT_TITLE, shell -> {
            said[0] = UiTesting.shownText(shell);
            UiTesting.click(shell, "Reload");
        });
        UiTesting.dragWithMouse(() -> OpportunitiesUiTest.cardControl(view, deal.getId()), () -> OpportunitiesUiTest.columnTitle(view, needs.getId()));
        UiTesting.waitUntil("the conflict dialog answered", reload::answered, 20_000);
        reload.assertAnswered();
        assertTrue(said[0].contains(deal.getName()) && said[0].contains("zhang.min"), said[0]);
        assertEquals(first.getId(), opportunities.find(deal.getId()).orElseThrow().getStage().getId(), "the stale move wrote nothing");
        assertEquals(1, opportunities.history(deal.getId()).size());

        long stored = opportunities.find(deal.getId()).orElseThrow().getVersion();
        UiTesting.waitUntil("the board reloaded with the deal's current version",
                () -> view.shownCards(first.getId()).stream().anyMatch(c -> c.id() == deal.getId() && c.version() == stored), 10_000);

        UiTesting.dragWithMouse(() -> OpportunitiesUiTest.cardControl(view, deal.getId()), () -> OpportunitiesUiTest.columnTitle(view, needs.getId()));
        UiTesting.waitForJobs(Jobs.FAMILY);
        UiTesting.waitUntil("the reloaded card moved", () -> opportunities.find(deal.getId()).orElseThrow().getStage().getId().equals(needs.getId()),
                10_000);
    }
}
