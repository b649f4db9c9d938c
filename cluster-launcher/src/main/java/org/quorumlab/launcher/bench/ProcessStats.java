package org.quorumlab.launcher.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;

/**
 * CPU time and resident memory of node processes from Linux {@code /proc}: {@code utime + stime}
 * of {@code /proc/<pid>/stat} (clock ticks, USER_HZ = 100 on every mainstream Linux build) and
 * {@code VmRSS} of {@code /proc/<pid>/status}. Elsewhere every figure reads as 0.
 */
final class ProcessStats {

    /** USER_HZ: the unit of utime/stime in /proc/<pid>/stat. */
    static final double TICKS_PER_SECOND = 100.0;

    private ProcessStats() {
    }

    /** CPU seconds (user + system) used so far by all of {@code pids}. */
    static double cpuSeconds(Collection<Long> pids) {
        double sum = 0;
        for (long pid : pids) {
            sum += cpuSeconds(pid);
        }
        return sum;
    }

    static double cpuSeconds(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            // the command name (field 2) may contain spaces: count fields after its closing parenthesis
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).trim().split("\\s+");
            // f[0] is field 3 (state); utime is field 14, stime field 15
            return (Long.parseLong(f[11]) + Long.parseLong(f[12])) / TICKS_PER_SECOND;
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    /** Sum of the resident set sizes of {@code pids}, in MiB. */
    static double rssMiB(Collection<Long> pids) {
        double sum = 0;
        for (long pid : pids) {
            sum += rssMiB(pid);
        }
        return sum;
    }

    static double rssMiB(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
                }
            }
        } catch (IOException | RuntimeException e) {
            return 0;
        }
        return 0;
    }
}
