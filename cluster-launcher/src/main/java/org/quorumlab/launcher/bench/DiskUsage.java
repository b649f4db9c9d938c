package org.quorumlab.launcher.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The size of a directory two ways: the bytes its files say they hold, and the disk blocks they
 * occupy ({@code du -sk}). They differ for ZooKeeper, which preallocates its transaction logs in
 * 64 MiB steps as sparse files: the first figure would bill it for space it does not use.
 */
final class DiskUsage {

    /** Sizes in MiB; {@code allocatedMiB} is -1 where {@code du} cannot be run. */
    record Size(double apparentMiB, double allocatedMiB) {
    }

    private DiskUsage() {
    }

    static Size of(Path dir) {
        long allocated = allocatedKiB(dir);
        return new Size(apparentBytes(dir) / (1024.0 * 1024.0), allocated < 0 ? -1 : allocated / 1024.0);
    }

    static long apparentBytes(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).mapToLong(f -> {
                try {
                    return Files.size(f);
                } catch (IOException e) {
                    return 0; // removed while walking (a purged log): it occupies nothing now
                }
            }).sum();
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    /** {@code du -sk dir}, or -1. */
    static long allocatedKiB(Path dir) {
        try {
            Process du = new ProcessBuilder("du", "-sk", dir.toString()).redirectErrorStream(true).start();
            if (!du.waitFor(30, TimeUnit.SECONDS)) {
                du.destroyForcibly();
                return -1;
            }
            String out = new String(du.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            return du.exitValue() == 0 ? Long.parseLong(out.split("\\s+")[0]) : -1;
        } catch (IOException | RuntimeException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }
}
