package dev.firebrigade.internal.transport;

import dev.firebrigade.error.IncidentIoException;
import dev.firebrigade.error.RedirectException;
import dev.firebrigade.error.UnexpectedResponseException;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;

import java.io.IOException;
import java.net.URI;

/** An answer read: a 2xx's value, or any other answer (or one that cannot be read) as its typed failure. */
final class ResponseDecoder {
    private ResponseDecoder() {
    }

    /** The value of a 2xx answer as {@code type} ({@code Void.class}: none); else the answer's failure. */
    static <T> T decode(Class<T> type, String method, String path, Wire.Response response)
            throws IncidentIoException {
        int status = response.status();
        Buffer body = response.body();
        if (status >= 300 && status < 400) {
            throw new RedirectException(status, location(response.headers().get(HttpHeaders.LOCATION)), method, path);
        }
        if (status < 200 || status >= 300) {
            throw ErrorDecoder.decode(status, response.headers().get("Retry-After"), body, method, path);
        }
        if (type == Void.class) {
            return null;
        }
        if (body.length() == 0) {
            throw new UnexpectedResponseException(status, "expected a JSON body", "", method, path, null);
        }
        try {
            return Json.decode(body, type);
        } catch (IOException e) {
            throw new UnexpectedResponseException(status, "the answer is not the JSON incident.io documents",
                    ErrorDecoder.excerpt(body), method, path, e);
        }
    }

    /** A redirect's target for a message: scheme, host, port and path only (a query may hold a token). */
    private static String location(String header) {
        if (header == null) {
            return null;
        }
        try {
            URI uri = URI.create(header.strip());
            String where = (uri.getScheme() == null ? "" : uri.getScheme() + "://")
                    + (uri.getHost() == null ? "" : uri.getHost()) + (uri.getPort() < 0 ? "" : ":" + uri.getPort())
                    + (uri.getRawPath() == null ? "" : uri.getRawPath());
            return where.isEmpty() ? "an unreadable location" : where;
        } catch (IllegalArgumentException unreadable) {
            return "an unreadable location";
        }
    }
}
