package org.quorumlab.gui.connect;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.quorumlab.gui.service.ConnectionSpec;

/** Saved connections as a JSON array in a file (by default {@code ~/.quorumlab/connections.json}). */
public final class ConnectionStore {

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private final Path file;

    /** Store backed by {@code file}. */
    public ConnectionStore(Path file) {
        this.file = file;
    }

    /** The default location in the user's home. */
    public static ConnectionStore inUserHome() {
        return new ConnectionStore(Path.of(System.getProperty("user.home"), ".quorumlab", "connections.json"));
    }

    /** Loads saved connections; an absent file means none. */
    public List<ConnectionSpec> load() throws IOException {
        if (!Files.exists(file)) {
            return new ArrayList<>();
        }
        return new ArrayList<>(MAPPER.readValue(file.toFile(), new TypeReference<List<ConnectionSpec>>() { }));
    }

    /** Replaces the saved list. */
    public void save(List<ConnectionSpec> connections) throws IOException {
        if (file.getParent() != null) {
            Files.createDirectories(file.getParent());
        }
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        MAPPER.writeValue(tmp.toFile(), connections);
        // Digest credentials and store passwords are in there: readable by the user only.
        if (tmp.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            Files.setPosixFilePermissions(tmp, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
        }
        Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }
}
