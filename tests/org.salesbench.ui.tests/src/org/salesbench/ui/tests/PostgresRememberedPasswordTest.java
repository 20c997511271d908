package org.salesbench.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Properties;
import java.util.Set;
import java.util.function.Consumer;

import org.eclipse.core.runtime.preferences.ConfigurationScope;
import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.PlatformUI;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.service.prefs.Preferences;
import org.salesbench.core.security.LocalSecurityService;
import org.salesbench.persistence.Database;
import org.salesbench.persistence.DatabaseSettings;
import org.salesbench.testing.PostgresSchema;
import org.salesbench.ui.internal.Messages;
import org.salesbench.ui.internal.RememberedPasswords;
import org.salesbench.ui.internal.TeamServerSignIn;
import org.salesbench.ui.internal.preferences.UiPreferences;
import org.salesbench.ui.testing.UiTesting;

/**
 * "Remember password" on a real team server: the password goes to Equinox secure storage (never the preferences),
 * fills the dialog at the next start, is forgotten when unticked, and one the server refuses is forgotten with a message.
 */
@Tag("postgres")
class PostgresRememberedPasswordTest {

    private static final String PASSWORD = PostgresSchema.USER; // the test server's password for its user

    private final Shell parent = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getShell();
    @TempDir
    Path home;
    private PostgresSchema schema;
    private DatabaseSettings server;

    @BeforeEach
    void server() {
        schema = PostgresSchema.create("signin");
        server = new DatabaseSettings(schema.settings().url(), PostgresSchema.USER, null);
    }

    @AfterEach
    void dropSchema() {
        if (schema != null) {
            schema.close();
        }
    }

    private RememberedPasswords storage() {
        return new RememberedPasswords(home.resolve("secure_storage"), home.resolve("secure_storage.key"));
    }

    /** Signs in through the dialog, answered by {@code answer}; true when the server let the user in. */
    private boolean signIn(RememberedPasswords storage, Consumer<Shell> answer) {
        UiTesting.DialogAnswer answered = UiTesting.whenDialogOpens(UiTesting.plain(Messages.SignIn_title), answer);
        Database database = new TeamServerSignIn(storage, s -> Database.open(s, new LocalSecurityService(s.user()))).signIn(parent, server);
        answered.assertAnswered();
        if (database != null) {
            database.close();
        }
        return database != null;
    }

    private static Text password(Shell dialog) {
        return UiTesting.labelled(dialog, UiTesting.plain(Messages.SignIn_password), Text.class);
    }

    private static Button remember(Shell dialog) {
        return UiTesting.button(dialog, UiTesting.plain(Messages.SignIn_remember));
    }

    @Test
    void aRememberedPasswordFillsTheNextSignInUntilItIsUnticked() throws Exception {
        assertTrue(signIn(storage(), dialog -> {
            assertEquals("", password(dialog).getText(), "nothing remembered yet");
            assertFalse(remember(dialog).getSelection());
            UiTesting.type(password(dialog), PASSWORD);
            UiTesting.click(remember(dialog));
            UiTesting.click(dialog, UiTesting.plain(Messages.SignIn_button));
        }));
        assertEquals(PASSWORD, new String(storage().password(server.url(), PostgresSchema.USER).orElseThrow()));
        assertNotInPreferences(PASSWORD);
        assertEncrypted(PASSWORD);
        assertEquals(Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE),
                Files.getPosixFilePermissions(home.resolve("secure_storage.key")), "the master key is the user's alone");

        // the next start: a new storage object over the same files; the dialog still shows, filled in
        assertTrue(signIn(storage(), dialog -> {
            assertEquals(PASSWORD, password(dialog).getText(), "the remembered password fills the field");
            assertTrue(remember(dialog).getSelection());
            UiTesting.click(dialog, UiTesting.plain(Messages.SignIn_button));
        }));

        // unticked: forgotten
        assertTrue(signIn(storage(), dialog -> {
            UiTesting.click(remember(dialog));
            UiTesting.click(dialog, UiTesting.plain(Messages.SignIn_button));
        }));
        assertTrue(storage().password(server.url(), PostgresSchema.USER).isEmpty(), "forgotten once unticked");
        assertNotInPreferences(PASSWORD);
    }

    @Test
    void aRememberedPasswordTheServerRefusesIsForgottenWithAMessage() throws Exception {
        storage().remember(server.url(), PostgresSchema.USER, "an-old-password".toCharArray());
        String[] secondMessage = new String[1];
        UiTesting.DialogAnswer[] second = new UiTesting.DialogAnswer[1];
        assertFalse(signIn(storage(), dialog -> {
            assertEquals("an-old-password", password(dialog).getText());
            // the refusal opens the dialog again: answer that one by cancelling, after reading what it says
            second[0] = UiTesting.whenDialogOpens(UiTesting.plain(Messages.SignIn_title), again -> {
                secondMessage[0] = ((org.eclipse.jface.dialogs.TitleAreaDialog) again.getData()).getMessage();
                assertEquals("", password(again).getText(), "the refused password is not offered again");
                assertFalse(remember(again).getSelection());
                UiTesting.click(again, UiTesting.plain(IDialogConstants.CANCEL_LABEL));
            });
            UiTesting.click(dialog, UiTesting.plain(Messages.SignIn_button));
        }));
        second[0].assertAnswered();
        assertNotNull(secondMessage[0], "the dialog asked again");
        assertTrue(secondMessage[0].startsWith("The remembered password was refused and has been forgotten"), secondMessage[0]);
        assertTrue(storage().password(server.url(), PostgresSchema.USER).isEmpty(), "the refused password is forgotten");
    }

    /** No preference of the workbench, in any node, holds the password. */
    private static void assertNotInPreferences(String password) throws Exception {
        assertNull(UiPreferences.store().contains(UiPreferences.OBSOLETE_DB_PASSWORD) ? "" : null, "no password preference");
        Preferences node = ConfigurationScope.INSTANCE.getNode(UiPreferences.QUALIFIER);
        for (String key : node.keys()) {
            // the test server's user is named like its password: the remembered user name is not the password
            if (!key.equals(UiPreferences.DB_USER)) {
                assertFalse(node.get(key, "").contains(password), "the preference " + key + " holds the password");
            }
        }
        assertEquals(PostgresSchema.USER, node.get(UiPreferences.DB_USER, null), "only the user name is remembered there");
    }

    /** The storage file keeps the password encrypted, not as typed. */
    private void assertEncrypted(String password) throws Exception {
        Properties stored = new Properties();
        try (InputStream in = Files.newInputStream(home.resolve("secure_storage"))) {
            stored.load(in);
        }
        String value = stored.entrySet().stream().filter(e -> e.getKey().toString().endsWith("/password")).map(e -> e.getValue().toString())
                .findFirst().orElseThrow(() -> new AssertionError("no password entry in " + stored.keySet()));
        assertNotEquals(password, value);
        assertFalse(value.contains(password), value);
    }
}
