package org.salesbench.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.jface.preference.PreferenceDialog;
import org.eclipse.jface.preference.PreferencePage;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.dialogs.PreferencesUtil;
import org.junit.jupiter.api.Test;
import org.salesbench.ui.testing.UiTesting;
import org.salesbench.ui.SalesbenchUi;
import org.salesbench.ui.internal.RecordPages;
import org.salesbench.ui.internal.search.SearchBoxContribution;
import org.salesbench.ui.internal.search.SearchJob;
import org.salesbench.ui.internal.search.SearchProviderRegistry;

/** The workbench itself: perspectives, the global search and its add-ons, the preference pages. */
class WorkbenchTest {

    private final IWorkbenchWindow window = PlatformUI.getWorkbench().getActiveWorkbenchWindow();
    private final IWorkbenchPage page = window.getActivePage();

    @Test
    void startsInTheSalesPerspectiveAndOffersTheOthers() {
        assertEquals(SalesbenchUi.PERSPECTIVE_SALES, page.getPerspective().getId());
        for (String id : List.of(SalesbenchUi.PERSPECTIVE_MANAGER, SalesbenchUi.PERSPECTIVE_ANALYTICS, SalesbenchUi.PERSPECTIVE_SALES)) {
            page.setPerspective(PlatformUI.getWorkbench().getPerspectiveRegistry().findPerspectiveWithId(id));
            assertEquals(id, page.getPerspective().getId());
        }
        assertNotNull(page.findView(org.eclipse.ui.IPageLayout.ID_PROP_SHEET), "the Properties view is in the Sales perspective");
    }

    @Test
    void recordPagesAreReadLazilyAndAMissingClassIsSkipped() {
        List<RecordPages.Descriptor> pages = RecordPages.all().stream().filter(d -> d.id().startsWith("org.salesbench.ui.tests.")).toList();
        assertEquals(List.of("org.salesbench.ui.tests.recordPage", "org.salesbench.ui.tests.missingPage"),
                pages.stream().map(RecordPages.Descriptor::id).toList(), "by order");
        assertEquals("Notes", pages.get(0).label());
        assertTrue(pages.get(0).factory().get().orElseThrow() instanceof NotesPageFactory);
        assertTrue(pages.get(1).factory().get().isEmpty(), "a class that does not load yields nothing, logged once");
    }

    @Test
    void aBrokenSearchProviderDoesNotHideTheOthers() {
        assertEquals(List.of("org.salesbench.ui.tests.broken", "org.salesbench.ui.tests.greek", "org.salesbench.ui.tests.missing"),
                SearchProviderRegistry.descriptors().stream().map(SearchProviderRegistry.Descriptor::id)
                        .filter(id -> id.startsWith("org.salesbench.ui.tests")).toList());
        Text box = SearchBoxContribution.boxOf(window);
        assertNotNull(box, "the search box is in the toolbar");
        box.setText("eta");
        box.notifyListeners(SWT.DefaultSelection, new Event());
        UiTesting.waitForJobs(SearchJob.FAMILY);
        SearchBoxContribution search = (SearchBoxContribution) box.getData(SearchBoxContribution.ID);
        UiTesting.waitUntil("the results", () -> search.lastResults() != null);
        List<String> hits = search.lastResults().shownHits();
        assertTrue(hits.containsAll(List.of("Greek letters / beta", "Greek letters / zeta", "Greek letters / eta")), hits.toString());
        assertFalse(hits.stream().anyMatch(h -> h.startsWith("Broken") || h.startsWith("Missing")), hits.toString());
        int greek = 1; // groups shown: Broken (failed), Greek letters, Missing (failed)
        search.lastResults().openHit(greek, 0);
        assertEquals(4, GreekSearchProvider.opened, "beta was opened");
    }

    @Test
    void theDatabasePageRefusesAUrlSalesbenchCannotUse() {
        PreferenceDialog dialog = PreferencesUtil.createPreferenceDialogOn(window.getShell(), "org.salesbench.ui.preferences.database",
                null, null);
        dialog.setBlockOnOpen(false);
        dialog.open();
        try {
            PreferencePage prefPage = (PreferencePage) dialog.getSelectedPage();
            Text url = texts(prefPage.getControl()).get(0);
            type(url, "jdbc:mysql://server/sales");
            assertFalse(prefPage.isValid());
            assertTrue(prefPage.getErrorMessage().contains("jdbc:derby:"), prefPage.getErrorMessage());
            type(url, "jdbc:postgresql://server/sales");
            assertTrue(prefPage.isValid());
            type(url, "");
            assertTrue(prefPage.isValid(), "empty means the embedded database");
        } finally {
            dialog.close();
        }
    }

    /** Sets the text and releases a key, as typing does: the field validates on key strokes. */
    private static void type(Text text, String value) {
        text.setText(value);
        text.notifyListeners(SWT.KeyUp, new Event());
    }

    private static List<Text> texts(Control control) {
        List<Text> found = new ArrayList<>();
        if (control instanceof Text t) {
            found.add(t);
        } else if (control instanceof Composite c) {
            for (Control child : c.getChildren()) {
                found.addAll(texts(child));
            }
        }
        return found;
    }
}
