package org.salesbench.ui.internal;

import org.eclipse.ui.IFolderLayout;
import org.eclipse.ui.IPageLayout;
import org.eclipse.ui.IPerspectiveFactory;
import org.salesbench.ui.SalesbenchUi;

/** For sales managers: the team's lists on the left, figures below, editors on the right. */
public class ManagerPerspective implements IPerspectiveFactory {

    @Override
    public void createInitialLayout(IPageLayout layout) {
        String editorArea = layout.getEditorArea();
        IFolderLayout left = layout.createFolder(SalesbenchUi.FOLDER_LEFT, IPageLayout.LEFT, 0.5f, editorArea);
        left.addPlaceholder("org.salesbench.*");
        layout.createFolder(SalesbenchUi.FOLDER_LEFT_BOTTOM, IPageLayout.BOTTOM, 0.6f, SalesbenchUi.FOLDER_LEFT);
        IFolderLayout bottom = layout.createFolder(SalesbenchUi.FOLDER_BOTTOM, IPageLayout.BOTTOM, 0.7f, editorArea);
        bottom.addView(IPageLayout.ID_PROGRESS_VIEW);
        bottom.addPlaceholder(IPageLayout.ID_PROP_SHEET);
        bottom.addPlaceholder(org.salesbench.ui.internal.help.GuideView.ID);
    }
}
