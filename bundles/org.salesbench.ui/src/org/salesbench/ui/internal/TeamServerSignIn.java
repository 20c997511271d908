package org.salesbench.ui.internal;

import java.util.Arrays;
import java.util.Optional;
import java.util.function.Function;

import org.eclipse.equinox.security.storage.StorageException;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.window.Window;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.widgets.Shell;
import org.salesbench.persistence.Database;
import org.salesbench.persistence.DatabaseException;
import org.salesbench.persistence.DatabaseSettings;
import org.salesbench.ui.internal.preferences.UiPreferences;

/**
 * Signing in to a team server as one's own database user: asks until the server accepts or the user cancels. The
 * user name is remembered in the preferences; the password only on request, in {@link RememberedPasswords}. A
 * remembered password fills the dialog at the next start; one the server refuses is forgotten, and the dialog says so.
 */
public final class TeamServerSignIn {

    private final RememberedPasswords remembered;
    private final Function<DatabaseSettings, Database> connect;

    /**
     * @param connect opens the database as the signed-in user, throwing {@link DatabaseException} with reason
     *        {@link DatabaseException.Reason#CONNECT} when the server refuses
     */
    public TeamServerSignIn(RememberedPasswords remembered, Function<DatabaseSettings, Database> connect) {
        this.remembered = remembered;
        this.connect = connect;
    }

    /** Signs in to the server of {@code settings}; {@code null} when the user cancels. */
    public Database signIn(Shell parent, DatabaseSettings settings) {
        String server = settings.url();
        String user = settings.user();
        String refusal = null;
        while (true) {
            char[] stored = null;
            try {
                stored = user == null || user.isBlank() ? null : remembered.password(server, user).orElse(null);
            } catch (StorageException e) {
                refusal = NLS.bind(Messages.SignIn_storageFailed, e.getMessage());
            }
            SignInDialog dialog = new SignInDialog(parent, settings.displayName(), user, refusal, stored);
            if (dialog.open() != Window.OK) {
                clear(stored);
                return null;
            }
            user = dialog.user();
            char[] password = dialog.password();
            boolean storedOne = stored != null && Arrays.equals(stored, password);
            clear(stored);
            try {
                Database database = connect.apply(new DatabaseSettings(server, user, new String(password)));
                rememberUser(user);
                String storageTrouble = keepOrForget(server, user, password, dialog.rememberPassword());
                if (storageTrouble != null) {
                    // signed in all the same: the storage's trouble is only reported
                    MessageDialog.openWarning(parent, Messages.SignIn_title, storageTrouble);
                }
                return database;
            } catch (DatabaseException e) {
                if (e.getReason() != DatabaseException.Reason.CONNECT) {
                    throw e;
                }
                refusal = e.getMessage();
                if (storedOne) {
                    forget(server, user);
                    refusal = NLS.bind(Messages.SignIn_rememberedRefused, e.getMessage());
                }
            } finally {
                clear(password);
            }
        }
    }

    /** Stores or forgets the password as the user chose; the message when the secure storage failed, else null. */
    private String keepOrForget(String server, String user, char[] password, boolean remember) {
        try {
            if (remember) {
                remembered.remember(server, user, password);
            } else {
                remembered.forget(server, user);
            }
            return null;
        } catch (StorageException e) {
            return NLS.bind(Messages.SignIn_storageFailed, e.getMessage());
        }
    }

    private void forget(String server, String user) {
        try {
            remembered.forget(server, user);
        } catch (StorageException e) {
            System.err.println("salesbench: " + NLS.bind(Messages.SignIn_storageFailed, e.getMessage()));
        }
    }

    private static void rememberUser(String user) {
        UiPreferences.store().setValue(UiPreferences.DB_USER, user);
        try {
            UiPreferences.store().save();
        } catch (java.io.IOException e) {
            // remembering the name is a convenience: the next start asks for it again
        }
    }

    private static void clear(char[] chars) {
        Optional.ofNullable(chars).ifPresent(c -> Arrays.fill(c, ' '));
    }
}
