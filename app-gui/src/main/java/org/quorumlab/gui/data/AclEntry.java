package org.quorumlab.gui.data;

import org.apache.zookeeper.ZooDefs;
import org.apache.zookeeper.data.ACL;
import org.apache.zookeeper.data.Id;

/**
 * One ACL entry as edited: scheme, id and permissions as {@code cdrwa} letters.
 *
 * @param scheme world, digest, ip, auth, sasl, ...
 * @param id     scheme-specific id (digest ids as {@code user:hash})
 * @param perms  subset of {@code cdrwa}
 */
public record AclEntry(String scheme, String id, String perms) {

    /** Converts from the client's ACL. */
    public static AclEntry of(ACL acl) {
        return new AclEntry(acl.getId().getScheme(), acl.getId().getId(), letters(acl.getPerms()));
    }

    /** Converts to the client's ACL. */
    public ACL toAcl() {
        return new ACL(bits(perms), new Id(scheme, id));
    }

    /** {@code cdrwa} letters for a permission mask. */
    public static String letters(int p) {
        StringBuilder sb = new StringBuilder();
        if ((p & ZooDefs.Perms.CREATE) != 0) { sb.append('c'); }
        if ((p & ZooDefs.Perms.DELETE) != 0) { sb.append('d'); }
        if ((p & ZooDefs.Perms.READ) != 0) { sb.append('r'); }
        if ((p & ZooDefs.Perms.WRITE) != 0) { sb.append('w'); }
        if ((p & ZooDefs.Perms.ADMIN) != 0) { sb.append('a'); }
        return sb.toString();
    }

    /** Permission mask for {@code cdrwa} letters. */
    public static int bits(String letters) {
        int p = 0;
        for (char c : letters.toLowerCase().toCharArray()) {
            p |= switch (c) {
                case 'c' -> ZooDefs.Perms.CREATE;
                case 'd' -> ZooDefs.Perms.DELETE;
                case 'r' -> ZooDefs.Perms.READ;
                case 'w' -> ZooDefs.Perms.WRITE;
                case 'a' -> ZooDefs.Perms.ADMIN;
                default -> throw new IllegalArgumentException("unknown permission '" + c + "' (use cdrwa)");
            };
        }
        return p;
    }

    @Override
    public String toString() {
        return scheme + ":" + id + ":" + perms;
    }
}
