package org.salesbench.customers.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.eclipse.jface.resource.ImageDescriptor;
import org.eclipse.swt.graphics.Image;
import org.eclipse.ui.ISharedImages;
import org.eclipse.ui.IViewPart;
import org.eclipse.ui.IViewReference;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.views.IViewDescriptor;
import org.junit.jupiter.api.Test;
import org.salesbench.customers.ui.internal.CustomersView;
import org.salesbench.ui.SalesbenchUi;

/** The Sales perspective keeps its lists readable (the public pool below the main lists) and every view has an icon. */
class WorkbenchLayoutUiTest {

    @Test
    void theSalesPerspectiveStacksThePoolBelowTheMainLists() throws Exception {
        IWorkbenchPage page = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
        page.setPerspective(PlatformUI.getWorkbench().getPerspectiveRegistry().findPerspectiveWithId(SalesbenchUi.PERSPECTIVE_SALES));
        page.resetPerspective();
        // a stack reports the views made so far: make every view of the perspective, without bringing it to the top
        for (IViewReference view : page.getViewReferences()) {
            page.showView(view.getId(), view.getSecondaryId(), IWorkbenchPage.VIEW_CREATE);
        }
        IViewPart customers = page.findView(CustomersView.ID);
        IViewPart pool = page.findView("org.salesbench.customers.ui.views.pool");
        assertNotNull(customers, "the Customers view is open");
        assertNotNull(pool, "the Public Pool view is open");
        List<IViewPart> stack = Arrays.asList(page.getViewStack(customers));
        assertFalse(stack.contains(pool), "the pool is not one more tab beside the customers");
        assertTrue(Arrays.asList(page.getViewStack(pool)).contains(page.findView("org.salesbench.customers.ui.views.poolWarnings")),
                "the pool's warnings beside the pool");
        assertTrue(stack.size() <= 6, "at most six tabs beside the customers: " + stack.stream().map(v -> v.getSite().getId()).toList());
        assertTrue(page.isPartVisible(customers), "the Customers view is the one shown in its stack");
    }

    @Test
    void everySalesbenchViewHasAnIconOfItsOwn() {
        ImageDescriptor generic = PlatformUI.getWorkbench().getSharedImages().getImageDescriptor(ISharedImages.IMG_DEF_VIEW);
        List<String> without = new ArrayList<>();
        int views = 0;
        for (IViewDescriptor view : PlatformUI.getWorkbench().getViewRegistry().getViews()) {
            if (!view.getId().startsWith("org.salesbench.")) {
                continue;
            }
            views++;
            ImageDescriptor icon = view.getImageDescriptor();
            Image image = icon == null || icon.equals(generic) ? null : icon.createImage(false);
            if (image == null) {
                without.add(view.getId());
            } else {
                image.dispose();
            }
        }
        assertTrue(views >= 4, "the customers' and the users' views are installed: " + views);
        assertEquals(List.of(), without, "views without an icon");
    }
}
