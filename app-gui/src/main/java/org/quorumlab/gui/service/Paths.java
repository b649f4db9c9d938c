package org.quorumlab.gui.service;

/** ZNode path arithmetic. */
public final class Paths {

    private Paths() {
    }

    /** Joins a parent path and a child name. */
    public static String child(String parent, String name) {
        return parent.equals("/") ? "/" + name : parent + "/" + name;
    }

    /** Parent of {@code path}; "/" for top-level nodes and for the root. */
    public static String parent(String path) {
        int i = path.lastIndexOf('/');
        return i <= 0 ? "/" : path.substring(0, i);
    }

    /** Last path segment; "/" for the root. */
    public static String name(String path) {
        return path.equals("/") ? "/" : path.substring(path.lastIndexOf('/') + 1);
    }

    /** Formats a zxid as {@code 0x...}. */
    public static String hex(long value) {
        return "0x" + Long.toHexString(value);
    }
}
