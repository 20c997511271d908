package org.salesbench.users.ui.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.dialogs.TitleAreaDialog;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;
import org.salesbench.customers.Customer;
import org.salesbench.ui.forms.FieldDecorations;
import org.salesbench.users.Share;
import org.salesbench.users.UserService;

/**
 * Adds a user or a team to a customer's account team: who, read or edit, and their account role. Stored when OK is
 * pressed; a refusal of the service keeps the dialog open and says why in its message area.
 */
final class AccountTeamMemberDialog extends TitleAreaDialog {

    private final UserService users;
    private final long customerId;
    private final String customerName;
    private final List<String> grantees;
    private final Map<String, String> names;
    private final FieldDecorations fields = new FieldDecorations();
    private Combo member;
    private Combo access;
    private Text role;

    AccountTeamMemberDialog(Shell parent, UserService users, long customerId, String customerName, Map<String, String> names) {
        super(parent);
        this.users = users;
        this.customerId = customerId;
        this.customerName = customerName;
        this.names = names;
        this.grantees = new ArrayList<>(names.keySet());
    }

    @Override
    protected void configureShell(Shell shell) {
        super.configureShell(shell);
        shell.setText(Messages.AccountTeam_addTitle);
    }

    @Override
    protected Control createDialogArea(Composite parent) {
        Composite area = (Composite) super.createDialogArea(parent);
        setTitle(NLS.bind(Messages.AccountTeam_addHeading, customerName));
        setMessage(Messages.AccountTeam_addMessage);
        Composite body = new Composite(area, SWT.NONE);
        body.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        body.setLayout(new GridLayout(2, false));
        new Label(body, SWT.NONE).setText(Messages.AccountTeam_memberLabel);
        member = new Combo(body, SWT.READ_ONLY);
        member.setItems(grantees.stream().map(names::get).toArray(String[]::new));
        member.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        new Label(body, SWT.NONE).setText(Messages.AccountTeam_accessLabel);
        access = new Combo(body, SWT.READ_ONLY);
        access.setItems(Messages.Share_read, Messages.Share_edit);
        access.select(0);
        new Label(body, SWT.NONE).setText(Messages.AccountTeam_roleLabel);
        role = new Text(body, SWT.BORDER);
        GridData roleData = new GridData(SWT.FILL, SWT.CENTER, true, false);
        roleData.widthHint = 260;
        role.setLayoutData(roleData);
        member.addListener(SWT.Selection, e -> getButton(IDialogConstants.OK_ID).setEnabled(true));
        return area;
    }

    @Override
    protected void createButtonsForButtonBar(Composite parent) {
        super.createButtonsForButtonBar(parent);
        getButton(IDialogConstants.OK_ID).setEnabled(false);
    }

    @Override
    protected void okPressed() {
        int index = member.getSelectionIndex();
        if (index < 0) {
            setErrorMessage(Messages.AccountTeam_chooseMember);
            return;
        }
        String accountRole = role.getText().strip();
        Share share = new Share(Customer.ENTITY, customerId, grantees.get(index), access.getSelectionIndex() == 1,
                accountRole.isEmpty() ? null : accountRole);
        if (ServiceDialogs.attempt(this, fields, () -> users.share(share))) {
            super.okPressed();
        }
    }
}
