package org.quorumlab.engine.auth;

/**
 * One ACL scheme (digest, ip, ...). Implementations are stateless and thread-safe.
 */
public interface AuthProvider {

    /** The ACL scheme name, e.g. {@code digest}. */
    String scheme();

    /** Whether {@code id} is a well-formed id of this scheme inside an ACL. */
    boolean isValid(String id);

    /** Whether an identity the client holds ({@code authId}) satisfies the ACL entry's id. */
    boolean matches(String authId, String aclId);

    /**
     * Turns the bytes of an {@code addauth} packet into the identity the client gains.
     *
     * @return the id, or null if the credentials are rejected
     */
    String authenticate(byte[] credentials);
}
