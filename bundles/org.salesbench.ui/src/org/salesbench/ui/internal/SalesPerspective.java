package org.salesbench.ui.internal;

import org.eclipse.ui.IFolderLayout;
import org.eclipse.ui.IPageLayout;
import org.eclipse.ui.IPerspectiveFactory;
import org.salesbench.ui.SalesbenchUi;
import org.salesbench.ui.internal.recyclebin.RecycleBinView;

/** The default perspective: the lists of the sales modules on the left, editors on the right. */
public class SalesPerspective implements IPerspectiveFactory {

    @Override
    public void createInitialLayout(IPageLayout layout) {
        String editorArea = layout.getEditorArea();
        IFolderLayout left = layout.createFolder(SalesbenchUi.FOLDER_LEFT, IPageLayout.LEFT, 0.45f, editorArea);
        left.addPlaceholder("org.salesbench.*");
        IFolderLayout bottom = layout.createFolder(SalesbenchUi.FOLDER_BOTTOM, IPageLayout.BOTTOM, 0.75f, editorArea);
        bottom.addView(IPageLayout.ID_PROP_SHEET);
        bottom.addPlaceholder(IPageLayout.ID_PROGRESS_VIEW);
        bottom.addPlaceholder(RecycleBinView.ID);
        layout.addShowViewShortcut(RecycleBinView.ID);
    }
}
