package org.salesbench.performance.ui.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;
import org.junit.jupiter.api.Test;
import org.salesbench.core.model.Money;
import org.salesbench.core.time.Clocks;
import org.salesbench.customers.Customer;
import org.salesbench.customers.CustomerService;
import org.salesbench.opportunities.Opportunity;
import org.salesbench.opportunities.OpportunityService;
import org.salesbench.opportunities.PipelineService;
import org.salesbench.performance.targets.Attainment;
import org.salesbench.performance.targets.Subject;
import org.salesbench.ui.Services;
import org.salesbench.ui.testing.UiTesting;

/**
 * On the real workbench and services: a manager sets their team's target in the Targets view and splits it equally
 * (each through its buttons and dialogs, with why); then a deal of theirs is won and My Performance shows it.
 */
class TargetsUiTest {

    private static Optional<TargetsView.Line> line(TargetsView.Line root, Subject subject) {
        if (root == null) {
            return Optional.empty();
        }
        if (root.subject().equals(subject)) {
            return Optional.of(root);
        }
        return root.children().stream().map(c -> line(c, subject)).flatMap(Optional::stream).findFirst();
    }

    private static void select(TargetsView view, Subject subject) {
        assertTrue(view.select(subject), subject + " is not in the grid");
    }

    /** Answers the next input dialog titled {@code title} with {@code value}, as a user types it and presses OK. */
    private static UiTesting.DialogAnswer answer(String title, String value) {
        return UiTesting.whenDialogOpens(title, shell -> {
            UiTesting.type(UiTesting.find(shell, Text.class, t -> true).get(0), value);
            UiTesting.click(shell, UiTesting.plain(IDialogConstants.OK_LABEL));
        });
    }

    private static boolean same(BigDecimal expected, BigDecimal actual) {
        return actual != null && expected.compareTo(actual) == 0;
    }

    @Test
    void aTeamTargetIsSetAndSplitThenAWonDealShowsInMyPerformance() throws Exception {
        IWorkbenchPage page = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
        String unique = UUID.randomUUID().toString().substring(0, 6);
        String me = TeamFixture.me();
        String peer = "peer." + unique;
        Subject teamSubject = Subject.team(TeamFixture.managedByMe("界面团队 " + unique, true, java.util.Map.of(peer, "同事 " + unique)).getId());

        TargetsView view = (TargetsView) page.showView(TargetsView.ID);
        view.refresh();
        UiTesting.waitUntil("the new team in the Targets view", () -> line(view.shown(), teamSubject).isPresent());

        // Set target… on the team's row: the value, then why
        select(view, teamSubject);
        UiTesting.DialogAnswer value = answer(Messages.Targets_set, "1000000.01");
        UiTesting.DialogAnswer why = answer(Messages.Targets_reasonTitle, "UI test plan");
        UiTesting.click(view.grid().control().getParent(), Messages.Targets_set);
        UiTesting.waitUntil("the dialogs answered", () -> value.answered() && why.answered());
        UiTesting.waitUntil("the team's target shown", () -> line(view.shown(), teamSubject)
                .map(l -> l.year() != null && same(new BigDecimal("1000000.01"), l.year().getValue())).orElse(false));

        // Split equally: the two people get 500,000.01 and 500,000.00, and the check finds nothing wrong
        select(view, teamSubject);
        UiTesting.DialogAnswer splitWhy = answer(Messages.Targets_reasonTitle, "equal shares");
        UiTesting.click(view.grid().control().getParent(), Messages.Targets_splitEqually);
        UiTesting.waitUntil("the split answered", splitWhy::answered);
        UiTesting.waitUntil("the people's targets shown", () -> line(view.shown(), Subject.person(me)).map(l -> l.year() != null).orElse(false)
                && line(view.shown(), Subject.person(peer)).map(l -> l.year() != null).orElse(false));
        TargetsView.Line split = line(view.shown(), teamSubject).orElseThrow();
        BigDecimal sum = split.children().stream().map(l -> l.year().getValue()).reduce(BigDecimal.ZERO, BigDecimal::add);
        assertTrue(same(new BigDecimal("1000000.01"), sum), "the parts add up: " + sum);
        assertEquals(List.of(), split.problems());
        BigDecimal mine = line(view.shown(), Subject.person(me)).orElseThrow().year().getValue();

        // My Performance shows my part of the target, then a deal I win
        MyPerformanceView performance = (MyPerformanceView) page.showView(MyPerformanceView.ID);
        performance.refresh();
        UiTesting.waitUntil("my target in My Performance", () -> performance.shown() != null && same(mine, performance.shown().target()));
        BigDecimal before = performance.shown().actual();
        Customer customer = Services.get(CustomerService.class).create(new Customer("界面测试客户 " + unique));
        Opportunity deal = new Opportunity(customer, "绩效看板 " + unique, Money.cny("88000"));
        deal.setPipeline(Services.get(PipelineService.class).pipelines(true).get(0));
        deal = Services.get(OpportunityService.class).create(deal);
        Services.get(OpportunityService.class).markWon(deal.getId(), LocalDate.now(Clocks.system()));
        UiTesting.waitUntil("the won deal in My Performance", () -> same(before.add(new BigDecimal("88000")), performance.shown().actual()));
        Attainment now = performance.shown();
        assertTrue(now.percent() != null && now.percent().signum() > 0, String.valueOf(now.percent()));
        assertTrue(!performance.advice().isBlank(), "what it takes is said");
    }
}
