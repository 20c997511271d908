package org.salesbench.ui.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.eclipse.jface.window.Window;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.PlatformUI;
import org.junit.jupiter.api.Test;
import org.salesbench.ui.internal.Messages;
import org.salesbench.ui.internal.SignInDialog;
import org.salesbench.ui.testing.UiTesting;

/** The team server's sign-in: the user name comes remembered, the password is typed blind and kept nowhere. */
class SignInDialogTest {

    private final Shell parent = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getShell();

    @Test
    void signsInWithTheTypedUserAndPassword() {
        SignInDialog dialog = new SignInDialog(parent, "jdbc:postgresql://crm/sales", "li.wei", null);
        dialog.setBlockOnOpen(false);
        dialog.open();
        Shell shell = dialog.getShell();
        assertTrue(dialog.getMessage().contains("jdbc:postgresql://crm/sales"), dialog.getMessage());
        Text user = UiTesting.labelled(shell, UiTesting.plain(Messages.SignIn_user), Text.class);
        Text password = UiTesting.labelled(shell, UiTesting.plain(Messages.SignIn_password), Text.class);
        assertEquals("li.wei", user.getText(), "the user name is remembered");
        assertTrue((password.getStyle() & SWT.PASSWORD) != 0, "the password is not shown");
        Button signIn = UiTesting.button(shell, UiTesting.plain(Messages.SignIn_button));
        UiTesting.type(user, "");
        assertFalse(signIn.isEnabled(), "no sign-in without a user name");
        UiTesting.type(user, "zhao.lei");
        UiTesting.type(password, "s3cret-Pass");
        UiTesting.click(signIn);
        assertEquals(Window.OK, dialog.getReturnCode());
        assertEquals("zhao.lei", dialog.user());
        assertArrayEquals("s3cret-Pass".toCharArray(), dialog.password());
    }

    @Test
    void aRefusedSignInShowsTheServersReason() {
        String reason = "Cannot connect to jdbc:postgresql://crm/sales: FATAL: password authentication failed for user \"li.wei\"";
        SignInDialog dialog = new SignInDialog(parent, "jdbc:postgresql://crm/sales", "li.wei", reason);
        dialog.setBlockOnOpen(false);
        dialog.open();
        try {
            assertTrue(dialog.getMessage().contains("password authentication failed"), dialog.getMessage());
        } finally {
            dialog.close();
        }
    }
}
