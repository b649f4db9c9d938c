package org.quorumlab.launcher.node;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.quorumlab.launcher.state.ClusterStateFile;

/**
 * A PID file: the process id on the first line and, on the second, its start time in epoch
 * milliseconds so a recycled PID is not mistaken for the process that wrote it.
 */
public final class PidFile {

    private final Path file;

    public PidFile(Path file) {
        this.file = file;
    }

    public Path path() {
        return file;
    }

    public void write(ProcessHandle h) {
        long start = h.info().startInstant().map(i -> i.toEpochMilli()).orElse(0L);
        ClusterStateFile.writeAtomically(file, h.pid() + "\n" + start + "\n", false);
    }

    /** The running process this file names, if it still runs and is the same process. */
    public Optional<ProcessHandle> live() {
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        try {
            String[] lines = Files.readString(file).trim().split("\\s+");
            long pid = Long.parseLong(lines[0]);
            long start = lines.length > 1 ? Long.parseLong(lines[1]) : 0;
            return ProcessHandle.of(pid).filter(ProcessLiveness::isRunning).filter(h -> sameStart(h, start));
        } catch (IOException | NumberFormatException | ArrayIndexOutOfBoundsException e) {
            return Optional.empty();
        }
    }

    /** The PID written in the file (even if that process is gone), or -1. */
    public long recordedPid() {
        try {
            return Long.parseLong(Files.readString(file).trim().split("\\s+")[0]);
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
    }

    public void delete() {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // a stale PID file is harmless: live() checks the process
        }
    }

    private static boolean sameStart(ProcessHandle h, long recorded) {
        if (recorded == 0) {
            return true;
        }
        return h.info().startInstant().map(i -> Math.abs(i.toEpochMilli() - recorded) < 2000).orElse(true);
    }
}
