package org.quorumlab.launcher.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.stream.Collectors;

/**
 * HTTP and WebSocket client of nodes' admin servers, each named as an endpoint {@code host:port}.
 * Every request carries {@code Authorization: Bearer <token>} when its {@link AdminCredentials} have
 * one, and no {@code Origin}. Calls block for at most the request timeout; call them off any UI
 * thread. Thread-safe.
 *
 * <p>Errors: a node that is down gives a {@link ConnectException} ("cannot reach the admin port …");
 * a 401 or 403 an {@link AdminRefusedException}; any other error status an {@link IOException} with
 * the node's JSON {@code error}; each message is one line starting with the endpoint.
 */
public final class AdminHttpClient {

    /** Parses admin JSON; shared so callers do not build their own. */
    public static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);

    private final HttpClient http;
    private final AdminCredentials credentials;
    private final Duration timeout;

    /** A client whose requests time out after 10 s. */
    public AdminHttpClient(AdminCredentials credentials) {
        this(credentials, Duration.ofSeconds(10));
    }

    public AdminHttpClient(AdminCredentials credentials, Duration requestTimeout) {
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(CONNECT_TIMEOUT)
                .build();
        this.credentials = credentials;
        this.timeout = requestTimeout;
    }

    /** {@code GET path} (e.g. {@code /metrics}): the body. */
    public String get(String endpoint, String path) throws IOException {
        return send(endpoint, request(endpoint, path).GET());
    }

    /** {@code GET path} parsed as JSON (e.g. {@code /commands/monitor}). */
    public JsonNode getJson(String endpoint, String path) throws IOException {
        return JSON.readTree(get(endpoint, path));
    }

    /** {@code POST path} with {@code params} as a form body (e.g. {@code /faults/partition}, groups=1,2|3): the JSON answer. */
    public JsonNode post(String endpoint, String path, Map<String, String> params) throws IOException {
        String form = params.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
        return JSON.readTree(send(endpoint, request(endpoint, path)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))));
    }

    /**
     * Opens {@code ws://endpoint/events}. The future fails with an {@link AdminRefusedException}
     * when the node refuses the credentials, with a {@link ConnectException} when it is down.
     */
    public CompletableFuture<WebSocket> events(String endpoint, WebSocket.Listener listener) {
        WebSocket.Builder b = http.newWebSocketBuilder().connectTimeout(CONNECT_TIMEOUT);
        try {
            token(endpoint).ifPresent(t -> b.header("Authorization", "Bearer " + t));
        } catch (IOException e) {
            return CompletableFuture.failedFuture(e);
        }
        return b.buildAsync(URI.create("ws://" + endpoint + "/events"), listener).handle((ws, e) -> {
            if (e == null) {
                return ws;
            }
            Throwable cause = e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
            throw new CompletionException(describe(endpoint, cause));
        });
    }

    private HttpRequest.Builder request(String endpoint, String path) throws IOException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://" + endpoint + path)).timeout(timeout);
        token(endpoint).ifPresent(t -> b.header("Authorization", "Bearer " + t));
        return b;
    }

    /** The token to send; a token file that cannot be read is an error of this call, not of the caller's thread. */
    private Optional<String> token(String endpoint) throws IOException {
        try {
            return credentials.token();
        } catch (RuntimeException e) {
            throw new IOException(endpoint + ": " + e.getMessage(), e);
        }
    }

    private String send(String endpoint, HttpRequest.Builder b) throws IOException {
        HttpResponse<String> r;
        try {
            r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        } catch (ConnectException e) {
            throw unreachable(endpoint, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while calling " + endpoint);
        }
        if (r.statusCode() >= 400) {
            throw refusal(endpoint, r.statusCode(), r.body());
        }
        return r.body();
    }

    private static IOException describe(String endpoint, Throwable t) {
        if (t instanceof WebSocketHandshakeException h) {
            Object body = h.getResponse().body();
            return refusal(endpoint, h.getResponse().statusCode(), body instanceof String s ? s : "");
        }
        if (t instanceof ConnectException c) {
            return unreachable(endpoint, c);
        }
        return t instanceof IOException io ? io : new IOException(endpoint + ": " + t.getMessage(), t);
    }

    private static ConnectException unreachable(String endpoint, ConnectException cause) {
        ConnectException e = new ConnectException("cannot reach the admin port " + endpoint + " (is the node running?)");
        e.initCause(cause);
        return e;
    }

    /** The node's JSON {@code error}, or the raw body; 401 and 403 as {@link AdminRefusedException}. */
    private static IOException refusal(String endpoint, int status, String body) {
        String msg = body == null ? "" : body.trim();
        try {
            JsonNode err = JSON.readTree(msg);
            if (err != null && err.hasNonNull("error")) {
                msg = err.get("error").asText();
            }
        } catch (IOException notJson) {
            // keep the raw body
        }
        if (msg.isEmpty()) {
            msg = "HTTP " + status;
        }
        if (status == 401 || status == 403) {
            return new AdminRefusedException(status, endpoint + " refused the request (" + status + "): " + msg);
        }
        return new IOException(endpoint + ": " + msg);
    }
}
