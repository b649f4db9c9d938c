package org.quorumlab.engine.replication;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import org.quorumlab.engine.config.DynamicConfig;
import org.quorumlab.engine.storage.StorageException;

/** The last activated membership, kept next to the database so a restart rejoins with it. */
public final class DynamicConfigFile {

    public static final String FILE_NAME = "zoo.cfg.dynamic";
    private final Path file;

    public DynamicConfigFile(Path dataDir) {
        this.file = dataDir.resolve(FILE_NAME);
    }

    public Optional<DynamicConfig> read() {
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(DynamicConfig.parse(Files.readString(file, StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new StorageException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /** Atomically replaces the file (write temp, fsync, rename). */
    public void write(DynamicConfig config) {
        Path tmp = file.resolveSibling(FILE_NAME + ".tmp");
        try {
            Files.writeString(tmp, config.format() + "\n", StandardCharsets.UTF_8);
            try (var ch = java.nio.channels.FileChannel.open(tmp, java.nio.file.StandardOpenOption.WRITE)) {
                ch.force(true);
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new StorageException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }
}
