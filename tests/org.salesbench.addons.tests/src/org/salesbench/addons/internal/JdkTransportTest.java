package org.salesbench.addons.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.FileNotFoundException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.eclipse.core.runtime.IStatus;
import org.eclipse.equinox.p2.core.ProvisionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.sun.net.httpserver.HttpServer;

/** p2's transport over the JDK: what it reads from a folder and from an HTTP server, and how it reports what is missing. */
class JdkTransportTest {

    private final JdkTransport transport = new JdkTransport();

    @Test
    void readsAFileAndReportsAMissingOneAsNotFound(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("content.xml"), "<repository/>");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertTrue(transport.download(file.toUri(), out, null).isOK());
        assertEquals("<repository/>", out.toString(StandardCharsets.UTF_8));
        assertEquals(Files.getLastModifiedTime(file).toMillis(), transport.getLastModified(file.toUri(), null));

        URI missing = dir.resolve("artifacts.xml").toUri();
        assertThrows(FileNotFoundException.class, () -> transport.stream(missing, null));
        assertThrows(FileNotFoundException.class, () -> transport.getLastModified(missing, null));
        IStatus status = transport.download(missing, new ByteArrayOutputStream(), null);
        assertEquals(IStatus.ERROR, status.getSeverity());
        assertEquals(ProvisionException.ARTIFACT_NOT_FOUND, status.getCode(), "p2 tries the next file name only on this code");
        assertTrue(status.getMessage().contains("artifacts.xml"), status.getMessage());
    }

    @Test
    void readsOverHttpAndMapsTheStatus() throws Exception {
        byte[] body = "<repository name='site'/>".getBytes(StandardCharsets.UTF_8);
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/site/content.xml", exchange -> {
            exchange.getResponseHeaders().add("Last-Modified", "Tue, 01 Dec 2026 10:00:00 GMT");
            exchange.sendResponseHeaders(200, "HEAD".equals(exchange.getRequestMethod()) ? -1 : body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                if (!"HEAD".equals(exchange.getRequestMethod())) {
                    out.write(body);
                }
            }
        });
        server.createContext("/private/", exchange -> {
            exchange.sendResponseHeaders(401, -1);
            exchange.close();
        });
        server.createContext("/broken/", exchange -> {
            exchange.sendResponseHeaders(500, -1);
            exchange.close();
        });
        server.start();
        try {
            String base = "http://127.0.0.1:" + server.getAddress().getPort();
            try (InputStream in = transport.stream(URI.create(base + "/site/content.xml"), null)) {
                assertArrayEquals(body, in.readAllBytes());
            }
            assertEquals(java.time.Instant.parse("2026-12-01T10:00:00Z").toEpochMilli(),
                    transport.getLastModified(URI.create(base + "/site/content.xml"), null));
            assertThrows(FileNotFoundException.class, () -> transport.stream(URI.create(base + "/site/content.jar"), null));
            assertThrows(org.eclipse.equinox.internal.p2.repository.AuthenticationFailedException.class,
                    () -> transport.stream(URI.create(base + "/private/content.xml"), null));
            IStatus broken = transport.download(URI.create(base + "/broken/content.xml"), new ByteArrayOutputStream(), null);
            assertEquals(IStatus.ERROR, broken.getSeverity());
            assertTrue(broken.getMessage().contains("500"), broken.getMessage());
        } finally {
            server.stop(0);
        }
    }

    @Test
    void refusesOtherSchemes() {
        IStatus status = transport.download(URI.create("ftp://127.0.0.1/site/content.xml"), new ByteArrayOutputStream(), null);
        assertEquals(IStatus.ERROR, status.getSeverity());
        assertTrue(status.getMessage().contains("ftp://127.0.0.1/site/content.xml"), status.getMessage());
    }
}
