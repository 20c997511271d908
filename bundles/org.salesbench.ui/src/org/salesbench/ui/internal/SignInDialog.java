package org.salesbench.ui.internal;

import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.dialogs.IMessageProvider;
import org.eclipse.jface.dialogs.TitleAreaDialog;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;

/**
 * Asks who signs in to a team server: the user name (remembered) and the password, kept only when the user ticks
 * "Remember password" (in secure storage, see {@link RememberedPasswords}). The password leaves the dialog as a char
 * array the caller clears.
 */
public class SignInDialog extends TitleAreaDialog {

    private final String server;
    private String user;
    private final String refusal;
    private Text userText;
    private Text passwordText;
    private Button rememberButton;
    private char[] password;
    private final char[] rememberedPassword;
    private boolean remember;

    /**
     * @param refusal why the last attempt was refused (shown as an error), or {@code null}
     */
    public SignInDialog(Shell parent, String server, String user, String refusal) {
        this(parent, server, user, refusal, null);
    }

    /**
     * @param rememberedPassword the password remembered for {@code user}, shown (blind) and ticked to stay remembered,
     *        or {@code null}
     */
    public SignInDialog(Shell parent, String server, String user, String refusal, char[] rememberedPassword) {
        super(parent);
        this.server = server;
        this.user = user;
        this.refusal = refusal;
        this.rememberedPassword = rememberedPassword;
    }

    @Override
    protected void configureShell(Shell shell) {
        super.configureShell(shell);
        shell.setText(Messages.SignIn_title);
    }

    @Override
    protected Control createDialogArea(Composite parent) {
        Composite area = (Composite) super.createDialogArea(parent);
        setTitle(Messages.SignIn_title);
        if (refusal != null) {
            setMessage(refusal, IMessageProvider.ERROR);
        } else {
            setMessage(NLS.bind(Messages.SignIn_message, server));
        }
        Composite form = new Composite(area, SWT.NONE);
        form.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        form.setLayout(new GridLayout(2, false));
        new Label(form, SWT.NONE).setText(Messages.SignIn_user);
        userText = new Text(form, SWT.BORDER);
        userText.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        userText.setText(user == null ? "" : user);
        new Label(form, SWT.NONE).setText(Messages.SignIn_password);
        passwordText = new Text(form, SWT.BORDER | SWT.PASSWORD);
        passwordText.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        new Label(form, SWT.NONE);
        rememberButton = new Button(form, SWT.CHECK);
        rememberButton.setText(Messages.SignIn_remember);
        rememberButton.setToolTipText(Messages.SignIn_rememberTip);
        if (rememberedPassword != null) {
            passwordText.setTextChars(rememberedPassword);
            rememberButton.setSelection(true);
        }
        (user == null || user.isEmpty() ? userText : passwordText).setFocus();
        userText.addModifyListener(e -> updateButton());
        return area;
    }

    @Override
    protected void createButtonsForButtonBar(Composite parent) {
        createButton(parent, IDialogConstants.OK_ID, Messages.SignIn_button, true);
        createButton(parent, IDialogConstants.CANCEL_ID, IDialogConstants.CANCEL_LABEL, false);
        updateButton();
    }

    private void updateButton() {
        if (getButton(IDialogConstants.OK_ID) != null) {
            getButton(IDialogConstants.OK_ID).setEnabled(!userText.getText().isBlank());
        }
    }

    @Override
    protected void okPressed() {
        user = userText.getText().strip();
        password = passwordText.getTextChars();
        remember = rememberButton.getSelection();
        passwordText.setText("");
        super.okPressed();
    }

    public String user() {
        return user;
    }

    /** Whether the user asked to remember the password for the next start. */
    public boolean rememberPassword() {
        return remember;
    }

    /** The password typed; the caller clears it once used. */
    public char[] password() {
        return password;
    }
}
