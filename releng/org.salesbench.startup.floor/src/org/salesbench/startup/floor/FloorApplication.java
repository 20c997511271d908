package org.salesbench.startup.floor;

import org.eclipse.equinox.app.IApplication;
import org.eclipse.equinox.app.IApplicationContext;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.widgets.Display;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.application.IWorkbenchConfigurer;
import org.eclipse.ui.application.IWorkbenchWindowConfigurer;
import org.eclipse.ui.application.WorkbenchAdvisor;
import org.eclipse.ui.application.WorkbenchWindowAdvisor;

/**
 * The start-up floor: the smallest workbench on our target platform, started as the product is, so the start-up
 * benchmark can say what the fixed stack (Equinox, the Eclipse workbench on the e4 compatibility layer, SWT/GTK)
 * costs before any of our bundles does. One perspective with one view ({@link FloorView}); the window is configured
 * as the product's (size, cool bar, status line, perspective bar, its state saved and restored).
 */
public class FloorApplication implements IApplication {

    static final String PERSPECTIVE = "org.salesbench.startup.floor.perspective";

    @Override
    public Object start(IApplicationContext context) {
        FloorTimes.phase("application");
        Display display = PlatformUI.createDisplay();
        FloorTimes.phase("display");
        try {
            int code = PlatformUI.createAndRunWorkbench(display, new WorkbenchAdvisor() {
                @Override
                public void initialize(IWorkbenchConfigurer configurer) {
                    configurer.setSaveAndRestore(true);
                }

                @Override
                public String getInitialWindowPerspectiveId() {
                    return PERSPECTIVE;
                }

                @Override
                public WorkbenchWindowAdvisor createWorkbenchWindowAdvisor(IWorkbenchWindowConfigurer configurer) {
                    return new WorkbenchWindowAdvisor(configurer) {
                        @Override
                        public void preWindowOpen() {
                            configurer.setInitialSize(new Point(1280, 800));
                            configurer.setShowCoolBar(true);
                            configurer.setShowStatusLine(true);
                            configurer.setShowProgressIndicator(true);
                            configurer.setShowPerspectiveBar(true);
                        }

                        @Override
                        public void postWindowOpen() {
                            FloorTimes.phase("window");
                        }
                    };
                }
            });
            return code == PlatformUI.RETURN_RESTART ? IApplication.EXIT_RESTART : IApplication.EXIT_OK;
        } finally {
            display.dispose();
        }
    }

    @Override
    public void stop() {
        if (PlatformUI.isWorkbenchRunning()) {
            Display display = PlatformUI.getWorkbench().getDisplay();
            display.syncExec(() -> {
                if (!display.isDisposed()) {
                    PlatformUI.getWorkbench().close();
                }
            });
        }
    }
}
