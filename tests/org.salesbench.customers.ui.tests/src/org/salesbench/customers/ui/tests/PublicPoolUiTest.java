package org.salesbench.customers.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.PlatformUI;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.salesbench.core.time.Clocks;
import org.salesbench.customers.Customer;
import org.salesbench.customers.CustomerFilter;
import org.salesbench.customers.CustomerService;
import org.salesbench.customers.pool.CustomerPool;
import org.salesbench.customers.pool.PoolFilter;
import org.salesbench.customers.pool.PoolRow;
import org.salesbench.customers.pool.PoolSort;
import org.salesbench.customers.pool.PoolSettings;
import org.salesbench.customers.pool.PoolWarning;
import org.salesbench.customers.ui.internal.PoolWarningsView;
import org.salesbench.customers.ui.internal.PublicPoolView;
import org.salesbench.ui.Services;
import org.salesbench.ui.forms.Jobs;
import org.salesbench.ui.forms.VirtualGrid;
import org.salesbench.ui.testing.UiTesting;
import org.salesbench.users.Team;
import org.salesbench.users.User;
import org.salesbench.users.UserService;

/**
 * The Public Pool view in the workbench: the pool's customers show, the filter narrows them, Claim takes the selected
 * one for the signed-in user (ui.tester) and the cap's refusal is shown; the About to Return view lists the user's
 * warned customers. Rules go to teams of this test only (the default rules are left as they were), so the other tests'
 * customers never return to the pool.
 */
class PublicPoolUiTest {

    /** The clock offset the run was started with (CI moves it a year ahead): time is moved from there. */
    private static final String RUN_OFFSET = System.getProperty(Clocks.OFFSET_PROPERTY);

    /** Sets "now" {@code days} days after the run's own now, or back to it for 0. */
    private static void shiftClock(int days) {
        java.time.Period base = RUN_OFFSET == null || RUN_OFFSET.isBlank() ? java.time.Period.ZERO : java.time.Period.parse(RUN_OFFSET.trim());
        if (days == 0 && RUN_OFFSET == null) {
            System.clearProperty(Clocks.OFFSET_PROPERTY);
        } else {
            System.setProperty(Clocks.OFFSET_PROPERTY, base.plusDays(days).toString());
        }
    }


    private IWorkbenchPage page;
    private CustomerService customers;
    private CustomerPool pool;
    private UserService users;
    private String unique;
    private final List<String> errors = new ArrayList<>();

    @BeforeEach
    void setUp() {
        page = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
        customers = Services.get(CustomerService.class);
        pool = Services.get(CustomerPool.class);
        users = Services.get(UserService.class);
        unique = UUID.randomUUID().toString().substring(0, 6);
    }

    @AfterEach
    void tearDown() {
        shiftClock(0);
        page.closeAllEditors(false);
        UiTesting.processEvents();
    }

    @Test
    void theClaimButtonTakesTheSelectedCustomerAndTheCapRefusalIsShown() throws PartInitException {
        String gone = "gone." + unique;
        for (int i = 0; i < 3; i++) {
            Customer c = new Customer("公海界面测试" + unique + "有限公司" + i);
            c.setIndustry("物流");
            c.setRegion("宁波");
            c.setOwner(gone);
            customers.create(c);
        }
        // the one who left: one day without follow-up, no warning period; ui.tester: one more customer than now
        team("离职组" + unique, gone, new PoolSettings(null, 1, 0, 0));
        long owned = customers.count(new CustomerFilter(null, Set.of(), Set.of(), "ui.tester", null, false));
        team("领取组" + unique, "ui.tester", new PoolSettings(null, 30, 7, (int) owned + 1));
        shiftClock(2);
        pool.sweep(); // warns
        pool.sweep(); // returns
        shiftClock(0);

        closePool();
        VirtualGrid.forgetLayouts(PublicPoolView.ID); // the columns as made, whatever a user or test left
        PublicPoolView listed = showPool();
        VirtualGrid<PoolRow> grid = listed.grid();
        assertEquals(List.of("name", "industry", "region", "grade", "since", "from", "reason"), grid.visibleColumns());

        // the grid: a header click sorts the whole pool in the database (a second one descending); a hidden column and
        // the sort outlive closing the view
        grid.clickHeader("name");
        grid.clickHeader("name");
        assertEquals(PoolSort.Column.NAME, grid.sortKey());
        List<String> byNameDown = pool.page(new PoolFilter(unique, null, null, null), new PoolSort(PoolSort.Column.NAME, false), 0, 10).stream()
                .map(PoolRow::name).toList();
        assertEquals(List.of(0, 1, 2).reversed().stream().map(i -> "公海界面测试" + unique + "有限公司" + i).toList(), byNameDown);
        waitForNames(grid, byNameDown);
        grid.hideColumn("grade");
        closePool();
        PublicPoolView view = showPool();
        assertEquals(List.of("name", "industry", "region", "since", "from", "reason"), view.grid().visibleColumns(), "the hidden column kept");
        assertEquals(PoolSort.Column.NAME, view.grid().sortKey(), "the sort kept");
        waitForNames(view.grid(), byNameDown);
        view.grid().showAllColumns();
        org.eclipse.ui.IWorkbenchPartReference poolPart = page.getReference(view);
        page.setPartState(poolPart, IWorkbenchPage.STATE_MAXIMIZED); // a picture of the list alone, then as it was
        UiTesting.processEvents();
        UiTesting.screenshot("public-pool");
        page.setPartState(poolPart, IWorkbenchPage.STATE_RESTORED);
        UiTesting.processEvents();
        PoolRow first = view.loadedRows().get(0);
        assertEquals(byNameDown.get(0), first.name(), "the first row in the grid's order");
        assertEquals(gone, first.pooledFrom(), "the view says from whom it returned");

        view.selectListRow(0);
        UiTesting.click(view.claimButton());
        UiTesting.waitForJobs(Jobs.FAMILY);
        UiTesting.waitUntil("the claimed customer to leave the pool view", () -> {
            UiTesting.processEvents();
            return view.rowCount() == 2 && view.loadedRows().size() == 2
                    && view.loadedRows().stream().noneMatch(r -> r.id() == first.id());
        });
        assertEquals("ui.tester", customers.find(first.id()).orElseThrow().getOwner());
        assertTrue(errors.isEmpty(), errors.toString());

        view.selectListRow(0);
        UiTesting.click(view.claimButton());
        UiTesting.waitForJobs(Jobs.FAMILY);
        UiTesting.waitUntil("the cap's refusal", () -> !errors.isEmpty());
        assertTrue(errors.get(0).contains(Long.toString(owned + 1)), "the refusal names the cap: " + errors);
        assertEquals(2, view.rowCount(), "nothing else was claimed");
        closePool();
        VirtualGrid.forgetLayouts(PublicPoolView.ID); // the other tests' pool in its own order
    }

    private void closePool() {
        org.eclipse.ui.IViewPart open = page.findView(PublicPoolView.ID);
        if (open != null) {
            page.hideView(open);
            UiTesting.processEvents();
        }
    }

    private PublicPoolView showPool() throws PartInitException {
        PublicPoolView view = (PublicPoolView) page.showView(PublicPoolView.ID);
        view.setErrorReporter(errors::add);
        UiTesting.type(view.searchBox(), unique);
        UiTesting.waitUntil("the pool view to show the three customers", () -> {
            UiTesting.waitForJobs(PublicPoolView.FAMILY);
            UiTesting.processEvents();
            return view.rowCount() == 3 && view.loadedRows().size() == 3 && view.loadedRows().stream().allMatch(r -> r.name().contains(unique));
        });
        return view;
    }

    private static void waitForNames(VirtualGrid<PoolRow> grid, List<String> expected) {
        UiTesting.waitUntil("the rows in the order " + expected, () -> {
            UiTesting.waitForJobs(PublicPoolView.FAMILY);
            UiTesting.processEvents();
            return expected.equals(java.util.stream.IntStream.range(0, grid.rowCount()).mapToObj(i -> grid.cellText(i, "name")).toList());
        });
    }

    @Test
    void theOwnerSeesTheCustomersAboutToReturn() throws PartInitException {
        String rep = "warned." + unique;
        Customer c = new Customer("即将退回测试" + unique + "有限公司");
        c.setOwner(rep);
        long id = customers.create(c).getId();
        team("提醒组" + unique, rep, new PoolSettings(null, 10, 4, 0));
        shiftClock(6);
        pool.sweep();
        shiftClock(0);
        List<PoolWarning> warned = pool.warnings(rep);
        assertEquals(List.of(id), warned.stream().map(PoolWarning::customerId).toList());

        // ui.tester sees only their own warnings: none of this customer
        PoolWarningsView view = (PoolWarningsView) page.showView(PoolWarningsView.ID);
        view.refresh();
        UiTesting.waitForJobs(Jobs.FAMILY);
        assertTrue(view.shown().stream().noneMatch(w -> w.customerId() == id), "another person's warning is not shown");

        // a customer of ui.tester, idle past the default warning day (rules of 30 days, a warning 7 days before)
        long mine = customers.create(new Customer("我的即将退回客户" + unique + "有限公司")).getId();
        shiftClock(24);
        pool.sweep();
        shiftClock(0);
        view.refresh();
        UiTesting.waitForJobs(Jobs.FAMILY);
        UiTesting.screenshot("pool-warnings");
        assertTrue(view.shown().stream().anyMatch(w -> w.customerId() == mine), "the owner sees it: " + view.shown());
        assertTrue(view.getContentDescription().contains(Integer.toString(view.shown().size())), view.getContentDescription());
    }

    private void team(String name, String member, PoolSettings rules) {
        if (users.findUser(member).isEmpty()) {
            users.createUser(new User(member, member));
        }
        Team team = new Team(name);
        team.getMembers().add(member);
        users.createTeam(team);
        pool.saveSettings(new PoolSettings(name, rules.returnAfterDays(), rules.warnDaysBefore(), rules.ownedCap()));
    }
}
