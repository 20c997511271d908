package org.salesbench.users.ui.internal;

import java.util.Arrays;
import java.util.Map;

import org.eclipse.jface.dialogs.TitleAreaDialog;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;
import org.salesbench.ui.forms.FieldDecorations;
import org.salesbench.users.User;
import org.salesbench.users.UserService;

/**
 * Lets a user sign in to the team server: the password is typed twice, blind, handed to the service as characters
 * and wiped; nothing keeps it.
 */
class AllowSignInDialog extends TitleAreaDialog {

    private static final String PASSWORD = "password"; //$NON-NLS-1$
    private static final String REPEAT = "repeat"; //$NON-NLS-1$

    private final UserService service;
    private final User user;
    private final FieldDecorations fields = new FieldDecorations();
    private Text password;
    private Text repeat;

    AllowSignInDialog(Shell parent, UserService service, User user) {
        super(parent);
        this.service = service;
        this.user = user;
    }

    @Override
    protected Control createDialogArea(Composite parent) {
        Composite area = (Composite) super.createDialogArea(parent);
        setTitle(Messages.SignInDialog_title);
        setMessage(NLS.bind(Messages.SignInDialog_message, user.getDisplayName()));
        getShell().setText(Messages.SignInDialog_title);
        Composite c = new Composite(area, SWT.NONE);
        c.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        c.setLayout(new GridLayout(2, false));
        password = secret(c, PASSWORD, Messages.SignInDialog_password);
        repeat = secret(c, REPEAT, Messages.SignInDialog_repeat);
        return area;
    }

    private Text secret(Composite parent, String field, String label) {
        new Label(parent, SWT.NONE).setText(label);
        Text text = new Text(parent, SWT.BORDER | SWT.SINGLE | SWT.PASSWORD);
        GridData data = new GridData(SWT.FILL, SWT.CENTER, true, false);
        data.widthHint = 260;
        data.horizontalIndent = 10;
        text.setLayoutData(data);
        fields.register(field, text);
        return text;
    }

    @Override
    protected void okPressed() {
        char[] typed = password.getTextChars();
        char[] again = repeat.getTextChars();
        try {
            if (!Arrays.equals(typed, again)) {
                fields.showErrors(Map.of(REPEAT, Messages.SignInDialog_mismatch));
                setErrorMessage(Messages.SignInDialog_mismatch);
                return;
            }
            if (ServiceDialogs.attempt(this, fields, () -> service.enableSignIn(user.getLogin(), typed))) {
                super.okPressed();
            }
        } finally {
            Arrays.fill(typed, '\0');
            Arrays.fill(again, '\0');
        }
    }

    @Override
    public boolean close() {
        // the widgets' copies go with the shell; clearing first leaves none in the text widgets' buffers
        if (password != null && !password.isDisposed()) {
            password.setText(""); //$NON-NLS-1$
            repeat.setText(""); //$NON-NLS-1$
        }
        return super.close();
    }
}
