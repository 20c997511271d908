package org.salesbench.addons.internal;

import java.io.File;
import java.io.FileInputStream;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.equinox.internal.p2.repository.AuthenticationFailedException;
import org.eclipse.equinox.internal.p2.repository.Transport;
import org.eclipse.equinox.p2.core.IProvisioningAgent;
import org.eclipse.equinox.p2.core.ProvisionException;
import org.eclipse.osgi.util.NLS;

/**
 * p2's transport (how it reads update sites) over the JDK: files and HTTP(S) through {@link HttpClient}. p2's own
 * transport needs ECF, which Maven Central does not serve; this one is registered in an agent that has none.
 */
public final class JdkTransport extends Transport {

    private static final String BUNDLE = "org.salesbench.addons";
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL)
            .connectTimeout(Duration.ofSeconds(30)).build();

    /** Gives the agent this transport unless it has one already. */
    public static void registerIfMissing(IProvisioningAgent agent) {
        if (agent.getService(SERVICE_NAME) == null) {
            agent.registerService(SERVICE_NAME, new JdkTransport());
        }
    }

    @Override
    public IStatus download(URI uri, OutputStream target, IProgressMonitor monitor) {
        try (InputStream in = stream(uri, monitor)) {
            in.transferTo(target);
            return Status.OK_STATUS;
        } catch (FileNotFoundException e) {
            return new Status(IStatus.ERROR, BUNDLE, ProvisionException.ARTIFACT_NOT_FOUND, NLS.bind(Messages.Transport_notFound, uri), e);
        } catch (CoreException e) {
            return e.getStatus();
        } catch (IOException e) { // AuthenticationFailedException is one
            return new Status(IStatus.ERROR, BUNDLE, ProvisionException.REPOSITORY_FAILED_READ,
                    NLS.bind(Messages.Transport_failed, uri, String.valueOf(e.getMessage())), e);
        }
    }

    @Override
    public InputStream stream(URI uri, IProgressMonitor monitor) throws FileNotFoundException, CoreException, AuthenticationFailedException {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(java.util.Locale.ROOT);
        if (scheme.equals("file")) {
            return new FileInputStream(new File(uri));
        }
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new CoreException(Status.error(NLS.bind(Messages.Transport_scheme, uri)));
        }
        HttpResponse<InputStream> response = send(HttpRequest.newBuilder(uri).timeout(TIMEOUT).GET().build(),
                HttpResponse.BodyHandlers.ofInputStream(), uri);
        int code = response.statusCode();
        if (code == 200) {
            return response.body();
        }
        try {
            response.body().close();
        } catch (IOException e) {
            // nothing more to read
        }
        throw raise(code, uri);
    }

    @Override
    public long getLastModified(URI uri, IProgressMonitor monitor) throws CoreException, FileNotFoundException, AuthenticationFailedException {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(java.util.Locale.ROOT);
        if (scheme.equals("file")) {
            File file = new File(uri);
            if (!file.exists()) {
                throw new FileNotFoundException(file.getPath());
            }
            return file.lastModified();
        }
        HttpResponse<Void> response = send(HttpRequest.newBuilder(uri).timeout(TIMEOUT).method("HEAD", HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.discarding(), uri);
        if (response.statusCode() != 200) {
            throw raise(response.statusCode(), uri);
        }
        return response.headers().firstValue("Last-Modified").map(value -> {
            try {
                return ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant().toEpochMilli();
            } catch (DateTimeParseException e) {
                return 0L;
            }
        }).orElse(0L);
    }

    private <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> body, URI uri) throws CoreException {
        try {
            return http.send(request, body);
        } catch (IOException e) {
            throw new CoreException(Status.error(NLS.bind(Messages.Transport_failed, uri, String.valueOf(e.getMessage())), e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CoreException(Status.CANCEL_STATUS);
        }
    }

    /** Throws what p2 expects for a missing file or a refused login; returns the exception for any other status. */
    private static CoreException raise(int code, URI uri) throws FileNotFoundException, AuthenticationFailedException {
        if (code == 404 || code == 410) {
            throw new FileNotFoundException(uri.toString());
        }
        if (code == 401 || code == 403) {
            throw new AuthenticationFailedException();
        }
        return new CoreException(Status.error(NLS.bind(Messages.Transport_status, uri, code)));
    }
}
