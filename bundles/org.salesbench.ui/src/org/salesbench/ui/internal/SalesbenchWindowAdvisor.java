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
        // the "Opening the workbench…" window the database's opening left up goes once the user interface thread is
        // back in its event loop with nothing else to do, i.e. once the workbench window has painted: the window opens
        // here, but on a first start it stays unpainted for seconds more while its parts (and the welcome page) are made
        getWindowConfigurer().getWindow().getShell().getDisplay().asyncExec(OpeningProgress::close);
        org.salesbench.ui.StartupTimes.windowOpened(getWindowConfigurer().getWindow().getShell().getDisplay());
        org.salesbench.ui.internal.help.Welcome.showOnFirstStart(getWindowConfigurer().getWindow());
        SmokeTest.runIfRequested(getWindowConfigurer().getWindow());
    }
}
