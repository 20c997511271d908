package org.salesbench.ui.internal;

import org.eclipse.swt.graphics.Point;
import org.eclipse.ui.application.ActionBarAdvisor;
import org.eclipse.ui.application.IActionBarConfigurer;
import org.eclipse.ui.application.IWorkbenchWindowConfigurer;
import org.eclipse.ui.application.WorkbenchWindowAdvisor;

public class SalesbenchWindowAdvisor extends WorkbenchWindowAdvisor {

    public SalesbenchWindowAdvisor(IWorkbenchWindowConfigurer configurer) {
        super(configurer);
    }

    @Override
    public ActionBarAdvisor createActionBarAdvisor(IActionBarConfigurer configurer) {
        return new SalesbenchActionBarAdvisor(configurer);
    }

    @Override
    public void preWindowOpen() {
        IWorkbenchWindowConfigurer configurer = getWindowConfigurer();
        configurer.setInitialSize(new Point(1280, 800));
        configurer.setShowCoolBar(true);
        configurer.setShowStatusLine(true);
        configurer.setShowProgressIndicator(true);
        configurer.setShowPerspectiveBar(true);
        configurer.setTitle(Messages.Window_title);
    }

    @Override
    public void postWindowOpen() {
        OpeningProgress.close(); // the "Opening the workbench…" window the database's opening left up
        org.salesbench.ui.StartupTimes.windowOpened(getWindowConfigurer().getWindow().getShell().getDisplay());
        org.salesbench.ui.internal.help.Welcome.showOnFirstStart(getWindowConfigurer().getWindow());
        SmokeTest.runIfRequested(getWindowConfigurer().getWindow());
    }
}
