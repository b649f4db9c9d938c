package org.quorumlab.launcher.state;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;

/** The {@code super} digest credential ZooKeeper's DigestAuthenticationProvider understands. */
public final class SuperDigest {

    public static final String USER = "super";

    private SuperDigest() {
    }

    public static String newPassword() {
        byte[] b = new byte[18];
        new SecureRandom().nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    /** {@code super:base64(sha1("super:" + password))}, the value of {@code superDigest}. */
    public static String digest(String password) {
        try {
            byte[] sha = MessageDigest.getInstance("SHA1").digest((USER + ":" + password).getBytes(StandardCharsets.UTF_8));
            return USER + ":" + Base64.getEncoder().encodeToString(sha);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA1 is not available", e);
        }
    }

    /** The bytes to pass to {@code addAuthInfo("digest", ...)}. */
    public static byte[] authBytes(String password) {
        return (USER + ":" + password).getBytes(StandardCharsets.UTF_8);
    }
}
