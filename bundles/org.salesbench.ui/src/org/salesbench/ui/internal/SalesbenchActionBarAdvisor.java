package org.salesbench.ui.internal;

import org.eclipse.jface.action.GroupMarker;
import org.eclipse.jface.action.ICoolBarManager;
import org.eclipse.jface.action.IMenuManager;
import org.eclipse.jface.action.IStatusLineManager;
import org.eclipse.jface.action.IToolBarManager;
import org.eclipse.jface.action.MenuManager;
import org.eclipse.jface.action.Separator;
import org.eclipse.jface.action.StatusLineContributionItem;
import org.eclipse.jface.action.ToolBarContributionItem;
import org.eclipse.jface.action.ToolBarManager;
import org.eclipse.swt.SWT;
import org.eclipse.ui.IWorkbenchActionConstants;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.actions.ActionFactory;
import org.eclipse.ui.actions.ActionFactory.IWorkbenchAction;
import org.eclipse.ui.actions.ContributionItemFactory;
import org.eclipse.ui.application.ActionBarAdvisor;
import org.eclipse.ui.application.IActionBarConfigurer;
import org.eclipse.ui.menus.CommandContributionItem;
import org.eclipse.ui.menus.CommandContributionItemParameter;
import org.salesbench.core.security.SecurityService;
import org.salesbench.persistence.Database;
import org.salesbench.ui.Services;
import org.salesbench.ui.internal.search.SearchBoxContribution;

/** Menus File, Edit, Window, Help; the toolbar with Save and the search box; the status bar. */
public class SalesbenchActionBarAdvisor extends ActionBarAdvisor {

    public static final String STATUS_USER = "org.salesbench.ui.status.user";
    public static final String STATUS_DATABASE = "org.salesbench.ui.status.database";

    private IWorkbenchWindow window;
    private IWorkbenchAction save;

    public SalesbenchActionBarAdvisor(IActionBarConfigurer configurer) {
        super(configurer);
    }

    /**
     * The platform's action with our label: Eclipse's own translations are not published on Maven
     * Central, so the menus carry Salesbench's English and Chinese texts.
     */
    private IWorkbenchAction action(ActionFactory factory, String label) {
        IWorkbenchAction action = factory.create(window);
        String accelerator = action.getText() != null && action.getText().contains("\t")
                ? action.getText().substring(action.getText().indexOf('\t')) : "";
        action.setText(label + accelerator);
        register(action);
        return action;
    }

    @Override
    protected void makeActions(IWorkbenchWindow workbenchWindow) {
        this.window = workbenchWindow;
    }

    @Override
    protected void fillMenuBar(IMenuManager menuBar) {
        MenuManager file = new MenuManager(Messages.Menu_file, IWorkbenchActionConstants.M_FILE);
        file.add(new GroupMarker(IWorkbenchActionConstants.FILE_START));
        MenuManager newMenu = new MenuManager(Messages.Menu_new, ActionFactory.NEW.getId());
        newMenu.add(ContributionItemFactory.NEW_WIZARD_SHORTLIST.create(window));
        file.add(newMenu);
        file.add(new Separator());
        file.add(save());
        file.add(action(ActionFactory.SAVE_ALL, Messages.Action_saveAll));
        file.add(action(ActionFactory.CLOSE, Messages.Action_close));
        file.add(action(ActionFactory.CLOSE_ALL, Messages.Action_closeAll));
        file.add(new Separator());
        file.add(command("org.salesbench.ui.commands.backup"));
        file.add(new Separator(IWorkbenchActionConstants.MB_ADDITIONS));
        file.add(new Separator());
        file.add(action(ActionFactory.QUIT, Messages.Action_quit));
        file.add(new GroupMarker(IWorkbenchActionConstants.FILE_END));

        MenuManager edit = new MenuManager(Messages.Menu_edit, IWorkbenchActionConstants.M_EDIT);
        edit.add(new GroupMarker(IWorkbenchActionConstants.EDIT_START));
        edit.add(action(ActionFactory.UNDO, Messages.Action_undo));
        edit.add(action(ActionFactory.REDO, Messages.Action_redo));
        edit.add(new Separator());
        edit.add(action(ActionFactory.CUT, Messages.Action_cut));
        // commands, not retargeted actions: the lists' handlers (and any part's) reach them, as do their keys
        edit.add(command("org.eclipse.ui.edit.copy", Messages.Action_copy));
        edit.add(action(ActionFactory.PASTE, Messages.Action_paste));
        edit.add(command("org.eclipse.ui.edit.delete", Messages.Action_delete));
        edit.add(command("org.eclipse.ui.edit.selectAll", Messages.Action_selectAll));
        edit.add(new Separator());
        edit.add(command("org.eclipse.ui.newWizard", Messages.Action_newRecord));
        edit.add(command("org.eclipse.ui.file.refresh", Messages.Action_refresh));
        edit.add(new Separator());
        edit.add(command("org.salesbench.ui.commands.search"));
        edit.add(new Separator(IWorkbenchActionConstants.MB_ADDITIONS));
        edit.add(new GroupMarker(IWorkbenchActionConstants.EDIT_END));

        MenuManager windowMenu = new MenuManager(Messages.Menu_window, IWorkbenchActionConstants.M_WINDOW);
        MenuManager perspectives = new MenuManager(Messages.Menu_openPerspective);
        perspectives.add(ContributionItemFactory.PERSPECTIVES_SHORTLIST.create(window));
        windowMenu.add(perspectives);
        MenuManager views = new MenuManager(Messages.Menu_showView);
        views.add(ContributionItemFactory.VIEWS_SHORTLIST.create(window));
        windowMenu.add(views);
        windowMenu.add(new Separator());
        windowMenu.add(action(ActionFactory.EDIT_ACTION_SETS, Messages.Action_customizePerspective));
        windowMenu.add(action(ActionFactory.SAVE_PERSPECTIVE, Messages.Action_savePerspective));
        windowMenu.add(action(ActionFactory.RESET_PERSPECTIVE, Messages.Action_resetPerspective));
        windowMenu.add(action(ActionFactory.CLOSE_PERSPECTIVE, Messages.Action_closePerspective));
        windowMenu.add(new Separator());
        windowMenu.add(command("org.eclipse.ui.window.quickAccess"));
        windowMenu.add(new Separator(IWorkbenchActionConstants.MB_ADDITIONS));
        windowMenu.add(action(ActionFactory.PREFERENCES, Messages.Action_preferences));

        MenuManager help = new MenuManager(Messages.Menu_help, IWorkbenchActionConstants.M_HELP);
        help.add(new GroupMarker(IWorkbenchActionConstants.HELP_START));
        help.add(command("org.salesbench.ui.commands.guide", Messages.Action_guide));
        help.add(command("org.salesbench.ui.commands.contextHelp", Messages.Action_contextHelp));
        // "Install New Software…" goes in this group once the p2 user interface is part of the product
        help.add(new GroupMarker("org.salesbench.ui.help.install"));
        help.add(new Separator(IWorkbenchActionConstants.MB_ADDITIONS));
        help.add(command("org.salesbench.ui.commands.about", Messages.Action_about));
        help.add(new GroupMarker(IWorkbenchActionConstants.HELP_END));

        menuBar.add(file);
        menuBar.add(edit);
        menuBar.add(new GroupMarker(IWorkbenchActionConstants.MB_ADDITIONS));
        menuBar.add(windowMenu);
        menuBar.add(help);
    }

    /** Save is on the File menu and the toolbar: one action for both. */
    private IWorkbenchAction save() {
        if (save == null) {
            save = action(ActionFactory.SAVE, Messages.Action_save);
        }
        return save;
    }

    private CommandContributionItem command(String commandId) {
        return new CommandContributionItem(new CommandContributionItemParameter(window, null, commandId, SWT.PUSH));
    }

    /** A command with our label (the platform's command names are English only). */
    private CommandContributionItem command(String commandId, String label) {
        CommandContributionItemParameter parameter = new CommandContributionItemParameter(window, null, commandId, SWT.PUSH);
        parameter.label = label;
        return new CommandContributionItem(parameter);
    }

    @Override
    protected void fillCoolBar(ICoolBarManager coolBar) {
        IToolBarManager main = new ToolBarManager(SWT.FLAT | SWT.RIGHT);
        main.add(save());
        main.add(new Separator(IWorkbenchActionConstants.MB_ADDITIONS));
        coolBar.add(new ToolBarContributionItem(main, "org.salesbench.ui.toolbars.main"));
        IToolBarManager search = new ToolBarManager(SWT.FLAT | SWT.RIGHT);
        search.add(new SearchBoxContribution(window));
        coolBar.add(new ToolBarContributionItem(search, SearchBoxContribution.ID));
    }

    @Override
    protected void fillStatusLine(IStatusLineManager statusLine) {
        StatusLineContributionItem user = new StatusLineContributionItem(STATUS_USER, 50);
        var me = Services.get(SecurityService.class).currentUser();
        user.setText(me.localOwner() ? org.eclipse.osgi.util.NLS.bind(Messages.Status_localOwner, me.displayName())
                : org.eclipse.osgi.util.NLS.bind(Messages.Status_teamUser, new Object[] {me.displayName(), me.login(),
                        me.roles().isEmpty() ? Messages.Status_noRole : String.join(", ", me.roles())}));
        StatusLineContributionItem database = new StatusLineContributionItem(STATUS_DATABASE, 60);
        database.setText(org.eclipse.osgi.util.NLS.bind(Messages.Status_database, Services.get(Database.class).settings().displayName()));
        statusLine.add(user);
        statusLine.add(database);
    }
}
