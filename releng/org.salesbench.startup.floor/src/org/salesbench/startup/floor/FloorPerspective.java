package org.salesbench.startup.floor;

import org.eclipse.ui.IPageLayout;
import org.eclipse.ui.IPerspectiveFactory;

/** The floor's one perspective: its one view, no editor area. */
public class FloorPerspective implements IPerspectiveFactory {

    @Override
    public void createInitialLayout(IPageLayout layout) {
        layout.setEditorAreaVisible(false);
        layout.addView(FloorView.ID, IPageLayout.LEFT, 0.95f, layout.getEditorArea());
    }
}
