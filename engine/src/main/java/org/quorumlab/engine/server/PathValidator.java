package org.quorumlab.engine.server;

import org.quorumlab.engine.proto.ZooKeeperException;

/** ZooKeeper's path rules (PathUtils.validatePath); violations are BADARGUMENTS. */
public final class PathValidator {

    private PathValidator() {
    }

    public static void validate(String path, boolean sequential) {
        validate(sequential ? path + "1" : path);
    }

    public static void validate(String path) {
        String reason = problem(path);
        if (reason != null) {
            throw ZooKeeperException.badArguments("Invalid path string \"" + path + "\" caused by " + reason);
        }
    }

    static String problem(String path) {
        if (path == null) {
            return "null path";
        }
        if (path.isEmpty()) {
            return "empty path";
        }
        if (path.charAt(0) != '/') {
            return "path must start with / character";
        }
        if (path.length() == 1) {
            return null;
        }
        if (path.charAt(path.length() - 1) == '/') {
            return "path must not end with / character";
        }
        char last = '/';
        char[] chars = path.toCharArray();
        for (int i = 1; i < chars.length; i++) {
            char c = chars[i];
            if (c == 0) {
                return "null character not allowed @" + i;
            } else if (c == '/' && last == '/') {
                return "empty node name specified @" + i;
            } else if (c == '.' && last == '.') {
                if (chars[i - 2] == '/' && (i + 1 == chars.length || chars[i + 1] == '/')) {
                    return "relative paths not allowed @" + i;
                }
            } else if (c == '.') {
                if (chars[i - 1] == '/' && (i + 1 == chars.length || chars[i + 1] == '/')) {
                    return "relative paths not allowed @" + i;
                }
            } else if (c > '\u0000' && c <= '\u001f' || c >= '\u007f' && c <= '\u009F'
                    || c >= '\ud800' && c <= '\uf8ff' || c >= '\ufff0' && c <= '\uffff') {
                return "invalid character @" + i;
            }
            last = c;
        }
        return null;
    }
}
