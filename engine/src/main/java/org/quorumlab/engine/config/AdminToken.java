package org.quorumlab.engine.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.util.EnumSet;
import java.util.Set;

/**
 * The bearer token that guards a server's admin API, read once from the file zoo.cfg names as
 * {@code admin.tokenFile}. The file holds one line of at least {@value #MIN_LENGTH} visible ASCII
 * characters and, where the file system has POSIX permissions, must not be readable or writable by
 * anyone but its owner (mode 0600 or 0400): a token other users can read guards nothing. Every
 * problem with the file is a {@link ConfigException}, so a server never starts with an admin API
 * it cannot protect. {@link #toString()} never shows the secret.
 */
public final class AdminToken {

    public static final int MIN_LENGTH = 16;
    private static final Set<PosixFilePermission> OTHERS = EnumSet.of(PosixFilePermission.GROUP_READ,
            PosixFilePermission.GROUP_WRITE, PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_WRITE);

    private final byte[] secret;
    private final Path file;

    private AdminToken(byte[] secret, Path file) {
        this.secret = secret;
        this.file = file;
    }

    /** Reads and checks the token in {@code file}. */
    public static AdminToken readFrom(Path file) {
        String text;
        try {
            if (Files.exists(file) && !Files.isRegularFile(file)) {
                throw new ConfigException("admin.tokenFile " + file + " is not a regular file");
            }
            if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                Set<PosixFilePermission> perms = Files.getPosixFilePermissions(file);
                if (perms.stream().anyMatch(OTHERS::contains)) {
                    throw new ConfigException("admin.tokenFile " + file + " may be read or changed by other users ("
                            + PosixFilePermissions.toString(perms) + "); run: chmod 600 " + file);
                }
            }
            text = Files.readString(file, StandardCharsets.UTF_8).strip();
        } catch (NoSuchFileException e) {
            throw new ConfigException("admin.tokenFile " + file + " does not exist");
        } catch (AccessDeniedException e) {
            throw new ConfigException("admin.tokenFile " + file + " is not readable by this user");
        } catch (IOException e) {
            throw new ConfigException("cannot read admin.tokenFile " + file + ": " + e.getMessage());
        }
        if (text.isEmpty()) {
            throw new ConfigException("admin.tokenFile " + file + " is empty");
        }
        if (!text.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
            throw new ConfigException("admin.tokenFile " + file
                    + " must hold one token of visible ASCII characters on one line");
        }
        if (text.length() < MIN_LENGTH) {
            throw new ConfigException("the token in admin.tokenFile " + file + " is too short (" + text.length()
                    + " characters; at least " + MIN_LENGTH + ")");
        }
        return new AdminToken(text.getBytes(StandardCharsets.US_ASCII), file);
    }

    /** Whether {@code presented} is this token, compared in time independent of where they differ. */
    public boolean matches(String presented) {
        return presented != null
                && MessageDigest.isEqual(secret, presented.getBytes(StandardCharsets.US_ASCII));
    }

    /** The file the token was read from. */
    public Path file() {
        return file;
    }

    @Override
    public String toString() {
        return "admin token from " + file;
    }
}
