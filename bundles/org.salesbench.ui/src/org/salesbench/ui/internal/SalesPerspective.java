package org.salesbench.ui.internal;

import org.eclipse.ui.IFolderLayout;
import org.eclipse.ui.IPageLayout;
import org.eclipse.ui.IPerspectiveFactory;
import org.salesbench.ui.SalesbenchUi;
import org.salesbench.ui.internal.recyclebin.RecycleBinView;

/**
 * The default perspective: the main lists of the sales modules on the left (customers, leads, opportunities, tasks),
 * the others below them (the public pool, contracts, receivables), editors on the right, the pipeline board and the
 * properties below the editors: a few readable tabs per folder rather than a dozen squeezed to a letter each.
 */
public class SalesPerspective implements IPerspectiveFactory {

    @Override
    public void createInitialLayout(IPageLayout layout) {
        String editorArea = layout.getEditorArea();
        IFolderLayout left = layout.createFolder(SalesbenchUi.FOLDER_LEFT, IPageLayout.LEFT, 0.45f, editorArea);
        left.addPlaceholder("org.salesbench.*");
        layout.createFolder(SalesbenchUi.FOLDER_LEFT_BOTTOM, IPageLayout.BOTTOM, 0.6f, SalesbenchUi.FOLDER_LEFT);
        IFolderLayout bottom = layout.createFolder(SalesbenchUi.FOLDER_BOTTOM, IPageLayout.BOTTOM, 0.6f, editorArea);
        bottom.addView(IPageLayout.ID_PROP_SHEET);
        bottom.addPlaceholder(IPageLayout.ID_PROGRESS_VIEW);
        bottom.addPlaceholder(RecycleBinView.ID);
        // the user guide below the editors, not one more tab among the lists (the placeholder above takes every view of ours)
        bottom.addPlaceholder(org.salesbench.ui.internal.help.GuideView.ID);
        layout.addShowViewShortcut(RecycleBinView.ID);
    }
}
