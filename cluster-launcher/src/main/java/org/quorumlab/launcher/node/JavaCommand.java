package org.quorumlab.launcher.node;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * How to start a JVM like this one: the same java binary (else {@code $JAVA_HOME/bin/java}, else
 * {@code java} on the PATH) and this process's class path with every entry made absolute, so the
 * child can run in another working directory.
 */
public record JavaCommand(String javaBinary, String classPath, List<String> jvmOptions) {

    /** Extra JVM options for node processes, split on whitespace. */
    public static final String NODE_JAVA_OPTS_ENV = "QUORUMLAB_NODE_JAVA_OPTS";
    static final List<String> DEFAULT_NODE_OPTIONS = List.of("-Xmx512m", "-XX:+UseSerialGC");

    public JavaCommand {
        jvmOptions = List.copyOf(jvmOptions);
    }

    public static JavaCommand current() {
        return new JavaCommand(defaultJavaBinary(), absoluteClassPath(System.getProperty("java.class.path")), nodeOptions());
    }

    /**
     * {@code java <extraJvm> <jvmOptions> -cp <classPath> <mainClass> <args>}. {@code extraJvm} comes
     * first: Linux shows other processes only the first page of a command line, and the launcher
     * recognises its nodes by a property there.
     */
    public List<String> command(List<String> extraJvm, String mainClass, List<String> args) {
        List<String> cmd = new ArrayList<>();
        cmd.add(javaBinary);
        cmd.addAll(extraJvm);
        cmd.addAll(jvmOptions);
        cmd.add("-cp");
        cmd.add(classPath);
        cmd.add(mainClass);
        cmd.addAll(args);
        return cmd;
    }

    static String defaultJavaBinary() {
        var self = ProcessHandle.current().info().command();
        if (self.isPresent() && Files.isExecutable(Path.of(self.get()))) {
            return self.get();
        }
        String home = System.getenv("JAVA_HOME");
        if (home != null && !home.isBlank()) {
            return Path.of(home, "bin", "java").toString();
        }
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    static String absoluteClassPath(String cp) {
        List<String> out = new ArrayList<>();
        for (String entry : cp.split(File.pathSeparator)) {
            if (entry.isBlank()) {
                continue;
            }
            if (entry.endsWith("*")) {
                String prefix = entry.substring(0, entry.length() - 1);
                out.add((prefix.isEmpty() ? Path.of("") : Path.of(prefix)).toAbsolutePath() + File.separator + "*");
            } else {
                out.add(Path.of(entry).toAbsolutePath().toString());
            }
        }
        return String.join(File.pathSeparator, out);
    }

    private static List<String> nodeOptions() {
        String env = System.getenv(NODE_JAVA_OPTS_ENV);
        if (env == null || env.isBlank()) {
            return DEFAULT_NODE_OPTIONS;
        }
        return List.of(env.trim().split("\\s+"));
    }
}
