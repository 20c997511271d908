package org.salesbench.cli.internal.commands;

import java.io.Console;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

import org.eclipse.osgi.util.NLS;
import org.salesbench.persistence.PostgresServer;
import org.salesbench.cli.internal.Messages;
import org.salesbench.persistence.DatabaseSettings;

/**
 * The password of a PostgreSQL server, looked up as {@code psql} does and never taken from an argument (a process list
 * shows arguments): the environment variable {@value DatabaseSettings#PASSWORD_VARIABLE}, then the password file
 * ({@code PGPASSFILE} or {@code ~/.pgpass}: {@code host:port:database:user:password}, {@code *} matching anything,
 * {@code \:} and {@code \\} escaped), then a prompt on the terminal without echo.
 */
final class ServerPassword {

    private final Function<String, String> environment;
    private final Path home;
    private final Supplier<Console> console;

    ServerPassword(Function<String, String> environment, Path home, Supplier<Console> console) {
        this.environment = environment;
        this.home = home;
        this.console = console;
    }

    /** This process's environment, home folder and terminal. */
    static ServerPassword ofThisProcess() {
        return new ServerPassword(System::getenv, Path.of(System.getProperty("user.home")), System::console);
    }

    /** The password of {@code user} on {@code server}, or empty when no source has one and there is no terminal to ask on. */
    Optional<String> find(PostgresServer server, String user) throws IOException {
        String variable = environment.apply(DatabaseSettings.PASSWORD_VARIABLE);
        if (variable != null && !variable.isEmpty()) {
            return Optional.of(variable);
        }
        Optional<String> fromFile = fromPasswordFile(server, user);
        if (fromFile.isPresent()) {
            return fromFile;
        }
        Console terminal = console.get();
        if (terminal == null) {
            return Optional.empty();
        }
        char[] typed = terminal.readPassword(NLS.bind(Messages.MigrateDb_passwordPrompt, user, server));
        return typed == null ? Optional.empty() : Optional.of(new String(typed));
    }

    /** Where the password file is: {@code PGPASSFILE}, else {@code ~/.pgpass}. */
    Path passwordFile() {
        String named = environment.apply("PGPASSFILE");
        return named != null && !named.isEmpty() ? Path.of(named) : home.resolve(".pgpass");
    }

    private Optional<String> fromPasswordFile(PostgresServer server, String user) throws IOException {
        Path file = passwordFile();
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            List<String> fields = fields(line);
            if (fields.size() == 5 && matches(fields.get(0), server.host()) && matches(fields.get(1), Integer.toString(server.port()))
                    && matches(fields.get(2), server.database()) && matches(fields.get(3), user)) {
                return Optional.of(fields.get(4));
            }
        }
        return Optional.empty();
    }

    private static boolean matches(String pattern, String value) {
        return pattern.equals("*") || pattern.equals(value);
    }

    /** The colon-separated fields of a line, {@code \:} and {@code \\} unescaped. */
    private static List<String> fields(String line) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '\\' && i + 1 < line.length()) {
                field.append(line.charAt(++i));
            } else if (c == ':' && fields.size() < 4) {
                fields.add(field.toString());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        fields.add(field.toString());
        return fields;
    }
}
