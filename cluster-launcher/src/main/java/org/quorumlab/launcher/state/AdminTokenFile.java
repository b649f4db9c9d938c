package org.quorumlab.launcher.state;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import org.quorumlab.launcher.LauncherException;

/**
 * A cluster's admin API token ({@link ClusterLayout#adminTokenFile()}): 32 random bytes, base64url,
 * one line, created readable and writable by its owner only (the file is created with mode 0600,
 * never widened afterwards). The servers read it through {@code admin.tokenFile}; clients read it
 * here or get it with {@code --token}.
 */
public final class AdminTokenFile {

    private AdminTokenFile() {
    }

    /** The token in {@code layout}'s directory, created first when there is none ({@link Ensured#created()}). */
    public static Ensured ensure(ClusterLayout layout) {
        Path file = layout.adminTokenFile();
        if (Files.exists(file)) {
            return new Ensured(read(file), false);
        }
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try {
            Files.createDirectories(file.getParent());
            Files.deleteIfExists(tmp);
            Files.createFile(tmp, ownerOnly(tmp));
            Files.writeString(tmp, token + "\n", StandardCharsets.US_ASCII);
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new LauncherException("cannot write the admin token " + file + ": " + e.getMessage(), e);
        }
        return new Ensured(read(file), true);
    }

    /** The token a file holds (first line, trimmed); a missing, unreadable or empty file is one clear error. */
    public static String read(Path file) {
        String token;
        try {
            token = Files.readString(file, StandardCharsets.UTF_8).strip();
        } catch (NoSuchFileException e) {
            throw new LauncherException("no admin token: " + file + " does not exist");
        } catch (AccessDeniedException e) {
            throw new LauncherException("cannot read the admin token " + file + ": permission denied");
        } catch (IOException e) {
            throw new LauncherException("cannot read the admin token " + file + ": " + e.getMessage(), e);
        }
        if (token.isEmpty() || token.contains("\n")) {
            throw new LauncherException("the admin token file " + file + " must hold one token on one line");
        }
        return token;
    }

    /** The result of {@link #ensure}. */
    public record Ensured(String token, boolean created) {
        @Override
        public String toString() {
            return "Ensured[created=" + created + "]";
        }
    }

    private static FileAttribute<?>[] ownerOnly(Path file) {
        return file.getFileSystem().supportedFileAttributeViews().contains("posix")
                ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))}
                : new FileAttribute<?>[0];
    }
}
