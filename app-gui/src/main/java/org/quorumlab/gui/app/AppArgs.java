package org.quorumlab.gui.app;

import java.nio.file.Path;
import java.util.List;

/**
 * Command line of the console.
 *
 * @param bundled whether to start/attach the bundled 3-node cluster
 * @param dir     data directory of the bundled cluster
 * @param connect external connect string ({@code host:port,...[/chroot]}), or null
 * @param bind    address a new bundled cluster's ports bind ({@code --bind}), or null for 127.0.0.1
 */
public record AppArgs(boolean bundled, Path dir, String connect, String bind) {

    /** Default bundled cluster directory. */
    public static Path defaultDir() {
        return Path.of(System.getProperty("user.home"), ".quorumlab", "cluster");
    }

    /** Parses {@code --bundled [--dir D] [--bind ADDR]} or {@code --connect hosts}; no arguments means neither. */
    public static AppArgs parse(List<String> args) {
        boolean bundled = false;
        Path dir = defaultDir();
        String connect = null;
        String bind = null;
        for (int i = 0; i < args.size(); i++) {
            switch (args.get(i)) {
                case "--bundled" -> bundled = true;
                case "--dir" -> dir = Path.of(value(args, ++i, "--dir"));
                case "--connect" -> connect = value(args, ++i, "--connect");
                case "--bind" -> bind = value(args, ++i, "--bind");
                default -> throw new IllegalArgumentException("unknown argument '" + args.get(i)
                        + "' (usage: --bundled [--dir D] [--bind ADDR] | --connect host:port,...[/chroot])");
            }
        }
        if (bundled && connect != null) {
            throw new IllegalArgumentException("--bundled and --connect are exclusive");
        }
        return new AppArgs(bundled, dir, connect, bind);
    }

    private static String value(List<String> args, int i, String name) {
        if (i >= args.size()) {
            throw new IllegalArgumentException(name + " needs a value");
        }
        return args.get(i);
    }
}
