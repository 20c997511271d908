package org.salesbench.ui.internal;

import org.eclipse.ui.IFolderLayout;
import org.eclipse.ui.IPageLayout;
import org.eclipse.ui.IPerspectiveFactory;
import org.salesbench.ui.SalesbenchUi;

/** Reports and dashboards get the room; the analytics module fills the folders. */
public class AnalyticsPerspective implements IPerspectiveFactory {

    @Override
    public void createInitialLayout(IPageLayout layout) {
        String editorArea = layout.getEditorArea();
        IFolderLayout left = layout.createFolder(SalesbenchUi.FOLDER_LEFT, IPageLayout.LEFT, 0.3f, editorArea);
        left.addPlaceholder("org.salesbench.*");
        IFolderLayout bottom = layout.createFolder(SalesbenchUi.FOLDER_BOTTOM, IPageLayout.BOTTOM, 0.75f, editorArea);
        bottom.addView(IPageLayout.ID_PROGRESS_VIEW);
    }
}
