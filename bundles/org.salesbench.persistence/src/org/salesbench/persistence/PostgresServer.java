package org.salesbench.persistence;

import java.net.URI;

/**
 * Host, port and database of a {@code jdbc:postgresql://host[:port]/database[?options]} URL, as PostgreSQL's tools name
 * them, and the schema its {@code currentSchema} option names (null if none: the database's default).
 */
public record PostgresServer(String host, int port, String database, String schema) {

    private static final int DEFAULT_PORT = 5432;

    public static PostgresServer of(String url) {
        String rest = url.substring("jdbc:postgresql:".length());
        String schema = null;
        int query = rest.indexOf('?');
        if (query >= 0) {
            for (String option : rest.substring(query + 1).split("&")) {
                if (option.startsWith("currentSchema=")) {
                    schema = java.net.URLDecoder.decode(option.substring("currentSchema=".length()), java.nio.charset.StandardCharsets.UTF_8);
                }
            }
        }
        if (!rest.startsWith("//")) {
            return new PostgresServer("localhost", DEFAULT_PORT, rest.split("[?]", 2)[0], schema);
        }
        URI uri = URI.create("postgresql:" + rest);
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        String host = uri.getHost() == null || uri.getHost().isEmpty() ? "localhost" : uri.getHost();
        return new PostgresServer(host, uri.getPort() < 0 ? DEFAULT_PORT : uri.getPort(), path.startsWith("/") ? path.substring(1) : path,
                schema);
    }

    @Override
    public String toString() {
        return host + ":" + port + "/" + database;
    }
}
