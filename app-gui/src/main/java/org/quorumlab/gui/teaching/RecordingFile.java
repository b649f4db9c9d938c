package org.quorumlab.gui.teaching;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.quorumlab.launcher.admin.ClusterEvent;

/**
 * The {@code .qlrec} format: JSON lines. Line 1 is a header
 * {@code {"format":"quorumlab-recording","version":1,"events":N}}; every further line is
 * {@code {"at":<console ms>,"event":{<the event as streamed>}}}. Blank lines are skipped.
 */
public final class RecordingFile {

    /** The file extension, with its dot. */
    public static final String EXTENSION = ".qlrec";
    static final String FORMAT = "quorumlab-recording";
    static final int VERSION = 1;

    private static final ObjectMapper JSON = new ObjectMapper();

    private RecordingFile() {
    }

    /** Writes {@code recording} to {@code file} (replacing it). */
    public static void write(SessionRecording recording, Path file) throws IOException {
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            write(recording, w);
        }
    }

    /** Writes {@code recording} as JSON lines. */
    public static void write(SessionRecording recording, Writer out) throws IOException {
        BufferedWriter w = out instanceof BufferedWriter b ? b : new BufferedWriter(out);
        w.write("{\"format\":\"" + FORMAT + "\",\"version\":" + VERSION + ",\"events\":" + recording.size() + "}\n");
        for (SessionRecording.Entry e : recording.entries()) {
            w.write("{\"at\":" + e.at() + ",\"event\":" + JSON.writeValueAsString(JSON.readTree(e.event().json()))
                    + "}\n");
        }
        w.flush();
    }

    /** Reads a recording file; errors name the file and line. */
    public static SessionRecording read(Path file) throws IOException {
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return read(r, file.getFileName().toString());
        }
    }

    /**
     * Reads a recording.
     *
     * @param source name for error messages (e.g. the file name)
     * @throws IOException "{@code <source> line <n>: <what is wrong>}" for the first bad line
     */
    public static SessionRecording read(Reader in, String source) throws IOException {
        BufferedReader r = in instanceof BufferedReader b ? b : new BufferedReader(in);
        SessionRecording rec = new SessionRecording();
        boolean header = false;
        int lineNo = 0;
        for (String line; (line = r.readLine()) != null;) {
            lineNo++;
            if (line.isBlank()) {
                continue;
            }
            JsonNode node = parseLine(line, source, lineNo);
            if (!header) {
                if (!FORMAT.equals(node.path("format").asText())) {
                    throw error(source, lineNo, "not a QuorumLab recording (expected a header with \"format\":\""
                            + FORMAT + "\")");
                }
                if (node.path("version").asInt(-1) != VERSION) {
                    throw error(source, lineNo, "unsupported recording version " + node.path("version"));
                }
                header = true;
                continue;
            }
            JsonNode at = node.get("at");
            JsonNode event = node.get("event");
            if (at == null || !at.isIntegralNumber()) {
                throw error(source, lineNo, "missing or non-numeric \"at\"");
            }
            if (event == null || !event.isObject()) {
                throw error(source, lineNo, "missing \"event\" object");
            }
            try {
                rec.add(at.asLong(), ClusterEvent.parse(JSON.writeValueAsString(event)));
            } catch (IOException e) {
                throw error(source, lineNo, e.getMessage());
            }
        }
        if (!header) {
            throw new IOException(source + ": empty file, not a QuorumLab recording");
        }
        return rec;
    }

    private static JsonNode parseLine(String line, String source, int lineNo) throws IOException {
        try {
            JsonNode node = JSON.readTree(line);
            if (node == null || !node.isObject()) {
                throw error(source, lineNo, "expected a JSON object");
            }
            return node;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw error(source, lineNo, "not valid JSON (" + e.getOriginalMessage() + ")");
        }
    }

    private static IOException error(String source, int line, String what) {
        return new IOException(source + " line " + line + ": " + what);
    }
}
