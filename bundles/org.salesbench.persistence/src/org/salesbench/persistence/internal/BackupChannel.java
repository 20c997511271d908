package org.salesbench.persistence.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Set;
import java.util.function.IntConsumer;

import org.eclipse.core.runtime.ILog;
import org.eclipse.osgi.util.NLS;
import org.salesbench.persistence.Backups;
import org.salesbench.persistence.Database;
import org.salesbench.persistence.DatabaseException;
import org.salesbench.persistence.DatabaseException.Reason;
import org.salesbench.persistence.DatabaseSettings;
import org.salesbench.persistence.DatabaseSettings.Dialect;

/**
 * How another process asks the one that holds an embedded Derby database for a backup: Derby lets a single process
 * open a database, so the command line cannot back up the database the workbench has open, but the workbench can,
 * online. The holder listens on a Unix-domain socket named after the database, in a folder only its operating-system
 * user may enter (the session's runtime folder, or {@code salesbench-<user>} in the temporary folder, made
 * {@code rwx------} and refused if anyone else owns it or may enter it), and the socket itself is {@code rw-------}: so
 * only that user's processes reach it, and no port is opened to the network. One line asks, lines answer:
 * <pre>
 * BACKUP\t&lt;folder&gt;        → PROGRESS\t&lt;0-100&gt; … then DONE\t&lt;backup&gt; or FAILED\t&lt;message&gt;
 * </pre>
 */
public final class BackupChannel {

    private static final Set<PosixFilePermission> OWNER_ONLY_FOLDER = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> OWNER_ONLY_FILE = PosixFilePermissions.fromString("rw-------");

    /** A listening holder; closing stops it and removes the socket. */
    public static final class Listener implements AutoCloseable {
        private final ServerSocketChannel server;
        private final Path socket;
        private final Thread thread;

        private Listener(ServerSocketChannel server, Path socket, Database database) {
            this.server = server;
            this.socket = socket;
            this.thread = Thread.ofPlatform().daemon().name("Salesbench backup requests").start(() -> serve(database));
        }

        private void serve(Database database) {
            while (server.isOpen()) {
                try (SocketChannel client = server.accept();
                        BufferedReader in = new BufferedReader(new InputStreamReader(Channels.newInputStream(client), StandardCharsets.UTF_8));
                        Writer out = new OutputStreamWriter(Channels.newOutputStream(client), StandardCharsets.UTF_8)) {
                    answer(in.readLine(), out, database);
                } catch (IOException e) {
                    if (server.isOpen()) {
                        ILog.of(BackupChannel.class).warn("A backup request could not be answered: " + e.getMessage(), e);
                    }
                }
            }
        }

        private static void answer(String request, Writer out, Database database) throws IOException {
            if (request == null || !request.startsWith("BACKUP\t")) {
                out.write("FAILED\t" + NLS.bind(Messages.Backup_badRequest, request) + "\n");
                out.flush();
                return;
            }
            Path folder = Path.of(request.substring("BACKUP\t".length()));
            try {
                Path made = Backups.backup(database.settings(), folder, percent -> {
                    try {
                        out.write("PROGRESS\t" + percent + "\n");
                        out.flush();
                    } catch (IOException e) {
                        // the asker went away; the backup goes on
                    }
                });
                out.write("DONE\t" + made + "\n");
            } catch (RuntimeException e) { // a DatabaseException, or a failure the asker must hear of too
                out.write("FAILED\t" + String.valueOf(e.getMessage()).replace('\n', ' ') + "\n");
                ILog.of(BackupChannel.class).warn("A requested backup failed: " + e.getMessage(), e);
            }
            out.flush();
        }

        @Override
        public void close() {
            try {
                server.close();
                Files.deleteIfExists(socket);
                thread.join(5_000);
            } catch (IOException e) {
                ILog.of(BackupChannel.class).warn("The backup socket " + socket + " could not be removed: " + e.getMessage(), e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private BackupChannel() {
    }

    /**
     * Starts answering backup requests for the embedded database {@code database} holds; null for a server or an
     * in-memory database, or when no safe socket can be made (the reason is logged, and the command line then says the
     * database is in use).
     */
    public static Listener listen(Database database) {
        try {
            Optional<Path> socket = socketOf(database.settings());
            if (socket.isEmpty()) {
                return null;
            }
            Path path = socket.get();
            if (Files.exists(path)) {
                if (answers(path)) {
                    return null; // another unit of this process holds it and answers already
                }
                Files.delete(path); // left by a process that ended without closing
            }
            ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
            server.bind(UnixDomainSocketAddress.of(path));
            if (posix()) {
                Files.setPosixFilePermissions(path, OWNER_ONLY_FILE);
            }
            return new Listener(server, path, database);
        } catch (IOException | UnsupportedOperationException e) {
            ILog.of(BackupChannel.class).warn("Backups cannot be asked of this process: " + e.getMessage(), e);
            return null;
        }
    }

    /** Asks the holder of the database for a backup into {@code folder}; empty if no process holds it. */
    public static Optional<Path> request(DatabaseSettings settings, Path folder, IntConsumer progress) {
        Optional<Path> socket;
        try {
            socket = socketOf(settings);
        } catch (IOException e) {
            throw new DatabaseException(Reason.BACKUP, NLS.bind(Messages.Backup_failed, folder, e.getMessage()), e);
        }
        if (socket.isEmpty() || !Files.exists(socket.get())) {
            return Optional.empty();
        }
        try (SocketChannel channel = SocketChannel.open(UnixDomainSocketAddress.of(socket.get()));
                BufferedReader in = new BufferedReader(new InputStreamReader(Channels.newInputStream(channel), StandardCharsets.UTF_8));
                Writer out = new OutputStreamWriter(Channels.newOutputStream(channel), StandardCharsets.UTF_8)) {
            out.write("BACKUP\t" + folder + "\n");
            out.flush();
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                int tab = line.indexOf('\t');
                String kind = tab < 0 ? line : line.substring(0, tab);
                String value = tab < 0 ? "" : line.substring(tab + 1);
                switch (kind) {
                    case "PROGRESS" -> progress.accept(Integer.parseInt(value));
                    case "DONE" -> {
                        return Optional.of(Path.of(value));
                    }
                    case "FAILED" -> throw new DatabaseException(Reason.BACKUP, value, null);
                    default -> {
                        // a later holder may say more; this asker ignores it
                    }
                }
            }
            throw new DatabaseException(Reason.BACKUP, NLS.bind(Messages.Backup_holderWentAway, settings.displayName()), null);
        } catch (IOException e) {
            return Optional.empty(); // nobody listens: a socket left by a process that ended
        }
    }

    private static boolean answers(Path socket) {
        try (SocketChannel channel = SocketChannel.open(UnixDomainSocketAddress.of(socket))) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** The socket of the embedded database on disk the settings name; empty for other databases. */
    static Optional<Path> socketOf(DatabaseSettings settings) throws IOException {
        if (settings.dialect() != Dialect.DERBY) {
            return Optional.empty();
        }
        Optional<Path> directory = DerbyDatabase.of(settings).directory();
        if (directory.isEmpty()) {
            return Optional.empty();
        }
        // a hash keeps the socket's path short (Unix limits it to about 100 bytes) and the same for every process
        String id;
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(
                    directory.get().normalize().toString().getBytes(StandardCharsets.UTF_8));
            id = HexFormat.of().formatHex(digest, 0, 10);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        return Optional.of(privateFolder().resolve("db-" + id + ".sock"));
    }

    /** A folder only this user may enter, made if need be; refused (IOException) if someone else could. */
    private static Path privateFolder() throws IOException {
        String runtime = System.getenv("XDG_RUNTIME_DIR");
        Path folder = runtime != null && !runtime.isBlank() && Files.isDirectory(Path.of(runtime))
                ? Path.of(runtime, "salesbench")
                : Path.of(System.getProperty("java.io.tmpdir"), "salesbench-" + System.getProperty("user.name"));
        if (!posix()) {
            Files.createDirectories(folder); // the per-user temporary folder of systems without POSIX permissions
            return folder;
        }
        if (!Files.exists(folder)) {
            try {
                Files.createDirectory(folder, PosixFilePermissions.asFileAttribute(OWNER_ONLY_FOLDER));
            } catch (java.nio.file.FileAlreadyExistsException e) {
                // made by another process of ours at the same moment: checked below
            }
        }
        PosixFileAttributes attributes = Files.getFileAttributeView(folder, PosixFileAttributeView.class,
                java.nio.file.LinkOption.NOFOLLOW_LINKS).readAttributes();
        String me = System.getProperty("user.name");
        if (!attributes.isDirectory() || !attributes.owner().getName().equals(me) || !attributes.permissions().equals(OWNER_ONLY_FOLDER)) {
            throw new IOException(NLS.bind(Messages.Backup_unsafeFolder, folder));
        }
        return folder;
    }

    private static boolean posix() {
        return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    }
}
