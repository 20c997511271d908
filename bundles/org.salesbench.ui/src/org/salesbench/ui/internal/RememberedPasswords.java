package org.salesbench.ui.internal;

import java.io.IOException;
import java.net.MalformedURLException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import javax.crypto.spec.PBEKeySpec;

import org.eclipse.core.runtime.Platform;
import org.eclipse.equinox.security.storage.EncodingUtils;
import org.eclipse.equinox.security.storage.ISecurePreferences;
import org.eclipse.equinox.security.storage.SecurePreferencesFactory;
import org.eclipse.equinox.security.storage.StorageException;
import org.eclipse.equinox.security.storage.provider.IProviderHints;

/**
 * Team-server passwords the user asked to remember, in Equinox secure storage (encrypted, never in the preferences).
 * <p>
 * Without a desktop keyring Equinox would ask for a master password in its own dialog; instead the storage is opened
 * with a random master password kept in a key file beside it that only the user may read (created with owner-only
 * permissions). What protects a remembered password is therefore the user's account: it is not in the preferences,
 * a command line or a log, and the storage file alone does not reveal it, but anyone who can read the user's files
 * (key and storage together) can recover it. Whoever needs more must not tick "Remember password".
 */
public final class RememberedPasswords {

    private static final String NODE = "org.salesbench.ui/team-servers";
    private static final String PASSWORD = "password";

    private final Path storage;
    private final Path keyFile;

    /** The storage of this installation: {@code secure_storage} and its key in the configuration area. */
    public static RememberedPasswords ofConfiguration() {
        // a file: URL, possibly with unencoded spaces: its path, not a URI
        Path area = new java.io.File(Platform.getConfigurationLocation().getURL().getFile()).toPath()
                .resolve(org.salesbench.ui.internal.preferences.UiPreferences.QUALIFIER);
        return new RememberedPasswords(area.resolve("secure_storage"), area.resolve("secure_storage.key"));
    }

    public RememberedPasswords(Path storage, Path keyFile) {
        this.storage = storage;
        this.keyFile = keyFile;
    }

    /** The password remembered for {@code user} on {@code server}, if any (the caller clears the array once used). */
    public Optional<char[]> password(String server, String user) throws StorageException {
        ISecurePreferences node = node(server, user, false);
        String stored = node == null ? null : node.get(PASSWORD, null);
        return Optional.ofNullable(stored).map(String::toCharArray);
    }

    /** Remembers {@code password} for {@code user} on {@code server}, encrypted. */
    public void remember(String server, String user, char[] password) throws StorageException {
        ISecurePreferences node = node(server, user, true);
        node.put(PASSWORD, new String(password), true);
        flush(node);
    }

    /** Forgets whatever password is remembered for {@code user} on {@code server}. */
    public void forget(String server, String user) throws StorageException {
        ISecurePreferences node = node(server, user, false);
        if (node != null) {
            node.removeNode();
            flush(root());
        }
    }

    private ISecurePreferences node(String server, String user, boolean create) throws StorageException {
        ISecurePreferences root = root();
        String path = NODE + "/" + EncodingUtils.encodeSlashes(server) + "/" + EncodingUtils.encodeSlashes(user);
        return create || root.nodeExists(path) ? root.node(path) : null;
    }

    private ISecurePreferences root() throws StorageException {
        Map<String, Object> options = new HashMap<>();
        options.put(IProviderHints.PROMPT_USER, Boolean.FALSE);
        options.put(IProviderHints.DEFAULT_PASSWORD, new PBEKeySpec(masterPassword()));
        try {
            Files.createDirectories(storage.getParent());
            ISecurePreferences root = SecurePreferencesFactory.open(storage.toUri().toURL(), options);
            if (root == null) {
                throw new StorageException(StorageException.INTERNAL_ERROR, "cannot open " + storage);
            }
            return root;
        } catch (MalformedURLException e) {
            throw new StorageException(StorageException.INTERNAL_ERROR, e);
        } catch (IOException e) {
            throw new StorageException(StorageException.INTERNAL_ERROR, e);
        }
    }

    private static void flush(ISecurePreferences node) throws StorageException {
        try {
            node.flush();
        } catch (IOException e) {
            throw new StorageException(StorageException.INTERNAL_ERROR, e);
        }
    }

    /** The key file's random master password, made on first use and readable by the user only. */
    private char[] masterPassword() throws StorageException {
        try {
            if (!Files.exists(keyFile)) {
                Files.createDirectories(keyFile.getParent());
                byte[] random = new byte[32];
                new SecureRandom().nextBytes(random);
                Path made = keyFile.resolveSibling(keyFile.getFileName() + ".new");
                Files.deleteIfExists(made);
                try {
                    Files.createFile(made, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
                } catch (UnsupportedOperationException notPosix) {
                    Files.createFile(made); // the user's profile folder is private on such systems
                }
                Files.writeString(made, Base64.getEncoder().encodeToString(random));
                Files.move(made, keyFile, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            }
            return Files.readString(keyFile).strip().toCharArray();
        } catch (IOException e) {
            throw new StorageException(StorageException.INTERNAL_ERROR, e);
        }
    }
}
