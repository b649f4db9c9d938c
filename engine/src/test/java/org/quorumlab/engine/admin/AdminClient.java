package org.quorumlab.engine.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/** Test-side clients of a server's admin surface: four-letter words, admin JSON, metrics, faults. */
final class AdminClient {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private AdminClient() {
    }

    /** Sends a four-letter word to a client port and reads the reply until the server closes. */
    static String fourLetter(int clientPort, String cmd) throws IOException {
        try (Socket s = new Socket("127.0.0.1", clientPort)) {
            s.setSoTimeout(10_000);
            s.getOutputStream().write(cmd.getBytes(StandardCharsets.US_ASCII));
            s.getOutputStream().flush();
            InputStream in = s.getInputStream();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            in.transferTo(out);
            return out.toString(StandardCharsets.UTF_8);
        }
    }

    /** {@code mntr}: {@code key<TAB>value} lines. */
    static Map<String, String> parseMntr(String text) {
        Map<String, String> m = new LinkedHashMap<>();
        for (String line : text.split("\n")) {
            int tab = line.indexOf('\t');
            if (tab > 0) {
                m.put(line.substring(0, tab), line.substring(tab + 1).trim());
            }
        }
        return m;
    }

    /** {@code srvr}/{@code stat}: {@code Key: value} lines (the client list of stat is skipped). */
    static Map<String, String> parseSrvr(String text) {
        Map<String, String> m = new LinkedHashMap<>();
        for (String line : text.split("\n")) {
            int colon = line.indexOf(": ");
            if (colon > 0 && !line.startsWith(" ")) {
                m.put(line.substring(0, colon), line.substring(colon + 2).trim());
            }
        }
        return m;
    }

    static HttpResponse<String> get(int adminPort, String path) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + adminPort + path))
                .timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    static JsonNode command(int adminPort, String name) throws IOException, InterruptedException {
        HttpResponse<String> r = get(adminPort, "/commands/" + name);
        if (r.statusCode() != 200) {
            throw new IOException("/commands/" + name + " answered " + r.statusCode() + ": " + r.body());
        }
        return JSON.readTree(r.body());
    }

    static JsonNode post(int adminPort, String path, String formBody) throws IOException, InterruptedException {
        HttpResponse<String> r = postResponse(adminPort, path, formBody);
        if (r.statusCode() != 200) {
            throw new IOException(path + " answered " + r.statusCode() + ": " + r.body());
        }
        return JSON.readTree(r.body());
    }

    /** A POST with {@link AdminEnsemble#TOKEN}, whatever its status (for checking refusals). */
    static HttpResponse<String> postResponse(int adminPort, String path, String formBody)
            throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + adminPort + path))
                .timeout(Duration.ofSeconds(10)).header("Content-Type", "application/x-www-form-urlencoded")
                .header("Authorization", "Bearer " + AdminEnsemble.TOKEN)
                .POST(HttpRequest.BodyPublishers.ofString(formBody)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Value of an unlabelled (or exactly labelled) sample in Prometheus text, or NaN if absent. */
    static double metric(String text, String nameWithLabels) {
        for (String line : text.split("\n")) {
            if (line.startsWith(nameWithLabels + " ")) {
                return Double.parseDouble(line.substring(nameWithLabels.length() + 1).trim());
            }
        }
        return Double.NaN;
    }
}
