package org.salesbench.users.ui.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.dialogs.TitleAreaDialog;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;
import org.salesbench.ui.forms.FieldDecorations;
import org.salesbench.ui.forms.SharedRecord;
import org.salesbench.users.Share;
import org.salesbench.users.Team;
import org.salesbench.users.User;
import org.salesbench.users.UserService;

/**
 * The shares of one record: who else may read or edit it. Users and teams are chosen from lists; each addition or
 * removal is stored at once, and a refusal of the service is shown in the dialog's message area.
 */
final class ShareDialog extends TitleAreaDialog {

    private final UserService users;
    private final SharedRecord record;
    /** Grantee (a login or {@code team:<id>}) to what the lists show for it. */
    private final Map<String, String> grantees = new LinkedHashMap<>();
    private List<Share> shares = List.of();
    private Table table;
    private Combo granteeCombo;
    private Combo accessCombo;
    private Button removeButton;
    /** The dialog has no field the service could name: refusals go to the message area. */
    private final FieldDecorations fields = new FieldDecorations();

    ShareDialog(Shell parent, UserService users, SharedRecord record) {
        super(parent);
        this.users = users;
        this.record = record;
    }

    @Override
    protected void configureShell(Shell shell) {
        super.configureShell(shell);
        shell.setText(Messages.Share_title);
    }

    @Override
    protected boolean isResizable() {
        return true;
    }

    @Override
    protected Control createDialogArea(Composite parent) {
        Composite area = (Composite) super.createDialogArea(parent);
        setTitle(NLS.bind(Messages.Share_heading, record.name()));
        setMessage(Messages.Share_message);
        for (User u : users.users(true)) {
            grantees.put(u.getLogin(), u.getDisplayName() == null || u.getDisplayName().isBlank() ? u.getLogin()
                    : u.getDisplayName() + " (" + u.getLogin() + ")");
        }
        for (Team t : users.teams()) {
            grantees.put(Share.team(t.getId()), NLS.bind(Messages.Share_team, t.getName()));
        }
        Composite body = new Composite(area, SWT.NONE);
        body.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        body.setLayout(new GridLayout(4, false));

        table = new Table(body, SWT.BORDER | SWT.FULL_SELECTION | SWT.SINGLE);
        table.setHeaderVisible(true);
        GridData tableData = new GridData(SWT.FILL, SWT.FILL, true, true, 4, 1);
        tableData.heightHint = 160;
        table.setLayoutData(tableData);
        column(Messages.Share_grantee, 260);
        column(Messages.Share_access, 100);
        table.addListener(SWT.Selection, e -> removeButton.setEnabled(table.getSelectionIndex() >= 0));

        new Label(body, SWT.NONE).setText(Messages.Share_with);
        granteeCombo = new Combo(body, SWT.READ_ONLY);
        granteeCombo.setItems(grantees.values().toArray(String[]::new));
        granteeCombo.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        accessCombo = new Combo(body, SWT.READ_ONLY);
        accessCombo.setItems(Messages.Share_read, Messages.Share_edit);
        accessCombo.select(0);
        Button add = new Button(body, SWT.PUSH);
        add.setText(Messages.Share_add);
        add.addListener(SWT.Selection, e -> add());
        granteeCombo.addListener(SWT.Selection, e -> add.setEnabled(granteeCombo.getSelectionIndex() >= 0));
        add.setEnabled(false);
        removeButton = new Button(body, SWT.PUSH);
        removeButton.setText(Messages.Share_remove);
        removeButton.setLayoutData(new GridData(SWT.BEGINNING, SWT.CENTER, false, false, 4, 1));
        removeButton.setEnabled(false);
        removeButton.addListener(SWT.Selection, e -> remove());
        reload();
        return area;
    }

    private void column(String text, int width) {
        TableColumn column = new TableColumn(table, SWT.NONE);
        column.setText(text);
        column.setWidth(width);
    }

    @Override
    protected void createButtonsForButtonBar(Composite parent) {
        createButton(parent, IDialogConstants.CLOSE_ID, IDialogConstants.CLOSE_LABEL, true);
    }

    @Override
    protected void buttonPressed(int buttonId) {
        if (buttonId == IDialogConstants.CLOSE_ID) {
            close();
        } else {
            super.buttonPressed(buttonId);
        }
    }

    private void add() {
        int index = granteeCombo.getSelectionIndex();
        if (index < 0) {
            return;
        }
        String grantee = new ArrayList<>(grantees.keySet()).get(index);
        boolean edit = accessCombo.getSelectionIndex() == 1;
        if (ServiceDialogs.attempt(this, fields, () -> users.share(new Share(record.entity(), record.id(), grantee, edit, null)))) {
            reload();
        }
    }

    private void remove() {
        int index = table.getSelectionIndex();
        if (index < 0) {
            return;
        }
        Share share = shares.get(index);
        if (ServiceDialogs.attempt(this, fields, () -> users.unshare(record.entity(), record.id(), share.grantee()))) {
            reload();
        }
    }


    /** Shows the record's shares as stored. */
    private void reload() {
        if (!ServiceDialogs.attempt(this, fields, () -> shares = users.shares(record.entity(), record.id()))) {
            return;
        }
        table.removeAll();
        for (Share share : shares) {
            TableItem item = new TableItem(table, SWT.NONE);
            item.setText(new String[] {grantees.getOrDefault(share.grantee(), share.grantee()),
                    share.edit() ? Messages.Share_edit : Messages.Share_read});
        }
        removeButton.setEnabled(false);
    }
}
