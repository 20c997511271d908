package org.salesbench.users.ui.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.jface.dialogs.IMessageProvider;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.jface.window.Window;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Table;
import org.eclipse.ui.forms.IManagedForm;
import org.eclipse.ui.forms.editor.FormEditor;
import org.eclipse.ui.forms.editor.FormPage;
import org.eclipse.ui.forms.editor.IFormPage;
import org.eclipse.ui.forms.widgets.FormToolkit;
import org.salesbench.core.security.AccessDeniedException;
import org.salesbench.customers.Customer;
import org.salesbench.customers.ui.CustomerEditorPageFactory;
import org.salesbench.ui.Services;
import org.salesbench.ui.forms.Formats;
import org.salesbench.ui.forms.Jobs;
import org.salesbench.ui.forms.Tables;
import org.salesbench.users.Share;
import org.salesbench.users.Team;
import org.salesbench.users.User;
import org.salesbench.users.UserService;

/**
 * The customer editor's Account team page: the customer's shares (users and teams, read or edit, with their account
 * role). Who may share the customer (its owner, whoever may edit it, an administrator: {@link UserService#mayShare})
 * adds and removes members; anyone else who may read the customer sees the team read-only. Each change is stored at
 * once and recorded in the customer's history by the users service.
 */
public class AccountTeamPage extends FormPage {

    /** Contributed to {@code org.salesbench.customers.ui.editorPages}. */
    public static class Factory implements CustomerEditorPageFactory {

        @Override
        public IFormPage createPage(FormEditor editor, String id, String label, Customer customer) {
            return new AccountTeamPage(editor, id, label, customer);
        }
    }

    /** What a load reads: the members, whether the user may change them, and how to name each member. */
    private record Loaded(List<Share> shares, boolean mayChange, Map<String, String> names) {
    }

    private final long customerId;
    private final String customerName;
    private IManagedForm form;
    private TableViewer viewer;
    private Button add;
    private Button remove;
    private Loaded loaded = new Loaded(List.of(), false, Map.of());

    AccountTeamPage(FormEditor editor, String id, String label, Customer customer) {
        super(editor, id, label);
        this.customerId = customer.getId();
        this.customerName = customer.getName();
    }

    @Override
    protected void createFormContent(IManagedForm managedForm) {
        this.form = managedForm;
        FormToolkit toolkit = managedForm.getToolkit();
        managedForm.getForm().setText(getTitle());
        toolkit.decorateFormHeading(managedForm.getForm().getForm());
        Composite body = managedForm.getForm().getBody();
        body.setLayout(new GridLayout(2, false));
        viewer = Tables.create(body);
        viewer.getTable().setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true, 1, 1));
        Tables.column(viewer, Share.class, Messages.AccountTeam_member, 260, s -> loaded.names().getOrDefault(s.grantee(), s.grantee()));
        Tables.column(viewer, Share.class, Messages.Share_access, 90, s -> s.edit() ? Messages.Share_edit : Messages.Share_read);
        Tables.column(viewer, Share.class, Messages.AccountTeam_role, 160, s -> Formats.text(s.accountRole()));
        Composite buttons = toolkit.createComposite(body);
        buttons.setLayoutData(new GridData(SWT.FILL, SWT.BEGINNING, false, false));
        buttons.setLayout(new GridLayout(1, true));
        add = button(toolkit, buttons, Messages.AccountTeam_add);
        add.addListener(SWT.Selection, e -> add());
        remove = button(toolkit, buttons, Messages.Share_remove);
        remove.addListener(SWT.Selection, e -> remove());
        button(toolkit, buttons, Messages.AccountTeam_refresh).addListener(SWT.Selection, e -> reload());
        viewer.addSelectionChangedListener(e -> updateButtons());
        updateButtons();
        reload();
    }

    private static Button button(FormToolkit toolkit, Composite parent, String text) {
        Button button = toolkit.createButton(parent, text, SWT.PUSH);
        button.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        return button;
    }

    private void updateButtons() {
        add.setEnabled(loaded.mayChange());
        remove.setEnabled(loaded.mayChange() && viewer.getStructuredSelection().getFirstElement() instanceof Share);
    }

    /** Reads the members again, in a job. */
    public void reload() {
        Jobs.load(viewer.getTable(), Messages.AccountTeam_load, this::read, result -> {
            loaded = result;
            viewer.setInput(result.shares());
            form.getForm().setMessage(result.mayChange() ? null : NLS.bind(Messages.AccountTeam_readOnly, customerName),
                    result.mayChange() ? IMessageProvider.NONE : IMessageProvider.INFORMATION);
            updateButtons();
        }, e -> form.getForm().setMessage(Jobs.message(e), IMessageProvider.ERROR));
    }

    private Loaded read() {
        UserService users = Services.get(UserService.class);
        List<Share> shares = users.shares(Customer.ENTITY, customerId);
        boolean mayChange = users.mayShare(Customer.ENTITY, customerId);
        return new Loaded(shares, mayChange, names(users, mayChange || !shares.isEmpty()));
    }

    /** Every user and team who could join, by grantee: what the Add dialog offers and the table shows. */
    static Map<String, String> members(UserService users) {
        Map<String, String> names = new LinkedHashMap<>();
        for (User u : users.users(true)) {
            names.put(u.getLogin(), u.getDisplayName() == null || u.getDisplayName().isBlank() ? u.getLogin()
                    : u.getDisplayName() + " (" + u.getLogin() + ")");
        }
        for (Team t : users.teams()) {
            names.put(Share.team(t.getId()), NLS.bind(Messages.Share_team, t.getName()));
        }
        return names;
    }

    /**
     * The users and teams by grantee as far as the reader may list them (a grantee otherwise shows as stored, and the
     * Add dialog offers only whom the reader may list); {@code needed} false skips the reads.
     */
    private static Map<String, String> names(UserService users, boolean needed) {
        if (!needed) {
            return Map.of();
        }
        try {
            return members(users);
        } catch (AccessDeniedException e) {
            return Map.of();
        }
    }

    private void add() {
        AccountTeamMemberDialog dialog = new AccountTeamMemberDialog(getSite().getShell(), Services.get(UserService.class), customerId,
                customerName, loaded.names());
        if (dialog.open() == Window.OK) {
            reload();
        }
    }

    private void remove() {
        if (!(viewer.getStructuredSelection().getFirstElement() instanceof Share share)) {
            return;
        }
        try {
            Services.get(UserService.class).unshare(Customer.ENTITY, customerId, share.grantee());
        } catch (RuntimeException e) {
            MessageDialog.openError(getSite().getShell(), Messages.AccountTeam_title, Jobs.message(e));
        }
        reload();
    }

    /** The members' table, for tests; {@code null} until the page is first shown. */
    Table table() {
        return viewer == null ? null : viewer.getTable();
    }
}
