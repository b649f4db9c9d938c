package org.quorumlab.engine.jmh;

/**
 * Runs the engine's JMH benchmarks: {@code JmhMain [JMH options] [regexp]}, the same arguments as
 * {@code org.openjdk.jmh.Main}; with no regexp, every benchmark of this package. Needs the engine's
 * test class path (see {@code bench/jmh.sh}).
 */
public final class JmhMain {

    private JmhMain() {
    }

    public static void main(String[] args) throws Exception {
        boolean hasPattern = false;
        for (int i = 0; i < args.length; i++) {
            if (args[i].startsWith("-")) {
                if (takesValue(args[i])) {
                    i++;
                }
            } else {
                hasPattern = true;
            }
        }
        String[] all = args;
        if (!hasPattern) {
            all = java.util.Arrays.copyOf(args, args.length + 1);
            all[args.length] = JmhMain.class.getPackageName() + "\\..*Benchmark";
        }
        org.openjdk.jmh.Main.main(all);
    }

    /** JMH options followed by a value (the flags without one are -h, -l, -lp, -lprof, -v is valued). */
    private static boolean takesValue(String option) {
        return !(option.equals("-h") || option.equals("-l") || option.equals("-lp") || option.equals("-lprof")
                || option.equals("-lrf"));
    }
}
