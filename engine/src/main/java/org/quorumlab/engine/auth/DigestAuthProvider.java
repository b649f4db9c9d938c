package org.quorumlab.engine.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/** ZooKeeper's digest scheme: id {@code user:base64(sha1(user:password))}. */
public final class DigestAuthProvider implements AuthProvider {

    @Override
    public String scheme() {
        return "digest";
    }

    @Override
    public boolean isValid(String id) {
        return id != null && id.split(":").length == 2;
    }

    @Override
    public boolean matches(String authId, String aclId) {
        return authId.equals(aclId);
    }

    @Override
    public String authenticate(byte[] credentials) {
        String idPassword = new String(credentials, StandardCharsets.UTF_8);
        int colon = idPassword.indexOf(':');
        if (colon < 0) {
            return null;
        }
        return digest(idPassword);
    }

    /** {@code user:password} → {@code user:base64(sha1(user:password))}, as zkCli's DigestAuthenticationProvider. */
    public static String digest(String idPassword) {
        String user = idPassword.substring(0, idPassword.indexOf(':'));
        try {
            byte[] sha = MessageDigest.getInstance("SHA1").digest(idPassword.getBytes(StandardCharsets.UTF_8));
            return user + ":" + Base64.getEncoder().encodeToString(sha);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA1 unavailable", e);
        }
    }
}
