package org.salesbench.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;

import org.eclipse.swt.widgets.TreeItem;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.salesbench.ui.internal.help.Guide;
import org.salesbench.ui.internal.help.GuideView;
import org.salesbench.ui.internal.help.Welcome;
import org.salesbench.ui.internal.preferences.UiPreferences;
import org.salesbench.ui.testing.UiTesting;

/** The user guide: its contents from the help system, its pages, the Welcome page once on the first start. */
class GuideUiTest {

    private final IWorkbenchPage page = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();

    @AfterEach
    void tearDown() {
        System.clearProperty(Welcome.PROPERTY);
        if (page.findView(GuideView.ID) != null) {
            page.hideView(page.findView(GuideView.ID));
        }
        UiTesting.processEvents();
    }

    @Test
    void theGuidesContentsHoldAPagePerModuleAndEachPageReads() throws Exception {
        GuideView view = (GuideView) page.showView(GuideView.ID);
        TreeItem guide = Arrays.stream(view.contents().getItems()).filter(i -> i.getText().equals("Salesbench User Guide")).findFirst()
                .orElseThrow(() -> new AssertionError(Arrays.stream(view.contents().getItems()).map(TreeItem::getText).toList()));
        List<String> chapters = Arrays.stream(guide.getItems()).map(TreeItem::getText).toList();
        assertEquals(List.of("Welcome", "Customers", "Leads, opportunities and quotes", "Tasks, approvals and rules", "Performance",
                "Contracts and receivables", "Reports and dashboards", "Import, export and backups", "Keys"), chapters);
        for (TreeItem chapter : guide.getItems()) {
            String href = (String) chapter.getData();
            assertTrue(Guide.read(href).isPresent(), "the page " + href + " is there");
            view.show(href);
            assertTrue(view.shownText().startsWith(chapter.getText()), "the page starts with its title: " + view.shownText());
            assertTrue(!view.shownText().contains("<"), "no markup shown: " + view.shownText());
        }
        assertEquals("/org.salesbench.ui/help/customers.html", Guide.pageFor("org.salesbench.customers.ui.views.customers").orElse(null),
                "F1 on the Customers view");
        assertTrue(Guide.pageFor("org.salesbench.nothing.views.none").isEmpty());
    }

    @Test
    void theWelcomePageShowsOnTheFirstStartOnly() {
        UiPreferences.store().setToDefault("welcome.shown");
        Welcome.showOnFirstStart(page.getWorkbenchWindow());
        assertNull(page.findView(GuideView.ID), "not without -Dsalesbench.welcome=true (tests, the smoke test)");

        System.setProperty(Welcome.PROPERTY, "true");
        Welcome.showOnFirstStart(page.getWorkbenchWindow());
        GuideView view = (GuideView) page.findView(GuideView.ID);
        assertTrue(view != null && view.shownText().startsWith("Welcome to Salesbench"), "the Welcome page");
        page.hideView(view);

        Welcome.showOnFirstStart(page.getWorkbenchWindow());
        assertNull(page.findView(GuideView.ID), "once only");
    }
}
