package org.salesbench.persistence;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/**
 * Where the database is and how to sign in to it. The dialect follows from the JDBC URL: embedded
 * Derby ({@code jdbc:derby:<path>}) by default, PostgreSQL ({@code jdbc:postgresql://…}) for teams.
 */
public record DatabaseSettings(String url, String user, String password) {

    public static final String URL_PROPERTY = "salesbench.db.url";
    public static final String USER_PROPERTY = "salesbench.db.user";
    /** The environment variable the launcher hands the password over in: a system property would show in {@code ps}. */
    public static final String PASSWORD_VARIABLE = "SALESBENCH_DB_PASSWORD";

    public enum Dialect {
        DERBY("org.apache.derby.jdbc.EmbeddedDriver", "org.salesbench.persistence.internal.SalesbenchDerbyPlatform"),
        DERBY_NETWORK("org.apache.derby.jdbc.ClientDriver", "org.salesbench.persistence.internal.SalesbenchDerbyPlatform"),
        POSTGRESQL("org.postgresql.Driver", "org.eclipse.persistence.platform.database.PostgreSQLPlatform");

        public final String driverClass;
        public final String platformClass;

        Dialect(String driverClass, String platformClass) {
            this.driverClass = driverClass;
            this.platformClass = platformClass;
        }
    }

    public DatabaseSettings {
        if (url == null || !url.startsWith("jdbc:")) {
            throw new IllegalArgumentException("Not a JDBC URL: " + url + " (expected jdbc:derby:… or jdbc:postgresql://…)");
        }
        dialectOf(url);
    }

    /** The embedded Derby database in {@code directory}, created on first use. */
    public static DatabaseSettings embedded(Path directory) {
        return new DatabaseSettings("jdbc:derby:" + directory.toAbsolutePath() + ";create=true", null, null);
    }

    /** A throw-away in-memory Derby database (tests, benchmarks). */
    public static DatabaseSettings inMemory(String name) {
        return new DatabaseSettings("jdbc:derby:memory:" + name + ";create=true", null, null);
    }

    /**
     * From the {@code salesbench.db.*} system properties, defaulting to {@code ~/.salesbench/db}; the password from
     * {@value #PASSWORD_VARIABLE} when the environment has it. Never from a system property: one would show in
     * {@code ps} (the launcher refuses {@code --db-password} for the same reason).
     */
    public static DatabaseSettings fromSystemProperties() {
        String url = System.getProperty(URL_PROPERTY);
        if (url == null || url.isBlank()) {
            return embedded(Path.of(System.getProperty("user.home"), ".salesbench", "db"));
        }
        return new DatabaseSettings(url, System.getProperty(USER_PROPERTY), System.getenv(PASSWORD_VARIABLE));
    }

    public Dialect dialect() {
        return dialectOf(url);
    }

    private static Dialect dialectOf(String url) {
        String u = url.toLowerCase(Locale.ROOT);
        if (u.startsWith("jdbc:derby://")) {
            return Dialect.DERBY_NETWORK;
        }
        if (u.startsWith("jdbc:derby:")) {
            return Dialect.DERBY;
        }
        if (u.startsWith("jdbc:postgresql:")) {
            return Dialect.POSTGRESQL;
        }
        throw new IllegalArgumentException("Unsupported database: " + url + " (Salesbench supports jdbc:derby: and jdbc:postgresql:)");
    }

    /**
     * Where the search indexes derived from this database live (rebuildable caches, never a backup's concern):
     * beside an embedded database ({@code <db>-search}); for a server database under the instance area (or
     * {@code ~/.salesbench}), one folder per URL (options included) and user; {@code null} for an in-memory database.
     */
    public Path searchIndexFolder() {
        if (dialect() == Dialect.DERBY) {
            String path = url.substring("jdbc:derby:".length());
            int semicolon = path.indexOf(';');
            path = semicolon < 0 ? path : path.substring(0, semicolon);
            if (path.startsWith("memory:")) {
                return null;
            }
            if (path.startsWith("directory:")) {
                path = path.substring("directory:".length());
            }
            Path db = Path.of(path).toAbsolutePath().normalize();
            return db.resolveSibling(db.getFileName() + "-search");
        }
        String instance = System.getProperty("osgi.instance.area");
        Path base = instance != null && instance.startsWith("file:") ? Path.of(URI.create(instance.replace(" ", "%20")))
                : Path.of(System.getProperty("user.home"), ".salesbench");
        // the whole URL: two databases on one server differ only in their options (a schema, say)
        return base.resolve("search").resolve(hash(url + "\n" + user));
    }

    /** Deletes the search indexes (a database put back or moved), so the next opening rebuilds them; nothing if there are none. */
    public void deleteSearchIndexes() throws IOException {
        Path folder = searchIndexFolder();
        if (folder != null && Files.isDirectory(folder)) {
            Backups.deleteTree(folder);
        }
    }

    private static String hash(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)), 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The URL without options and without a password, fit for a status bar. */
    public String displayName() {
        int semicolon = url.indexOf(';');
        String base = semicolon < 0 ? url : url.substring(0, semicolon);
        int query = base.indexOf('?');
        return query < 0 ? base : base.substring(0, query);
    }

    @Override
    public String toString() {
        return displayName() + (user == null ? "" : " as " + user);
    }
}
