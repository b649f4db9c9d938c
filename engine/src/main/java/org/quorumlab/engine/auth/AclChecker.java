package org.quorumlab.engine.auth;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.quorumlab.engine.proto.Acl;
import org.quorumlab.engine.proto.Id;
import org.quorumlab.engine.proto.ZooKeeperException;

/**
 * ACL enforcement and normalisation with ZooKeeper's exact rules: world/anyone, auth (expanded
 * to the caller's identities), digest, ip; a {@code super} identity passes every check.
 */
public final class AclChecker {

    public static final Id SUPER = new Id("super", "");

    private final Map<String, AuthProvider> providers;
    private final boolean skipAcl;

    public AclChecker(boolean skipAcl) {
        AuthProvider digest = new DigestAuthProvider();
        AuthProvider ip = new IpAuthProvider();
        this.providers = Map.of(digest.scheme(), digest, ip.scheme(), ip);
        this.skipAcl = skipAcl;
    }

    public AuthProvider provider(String scheme) {
        return providers.get(scheme);
    }

    /** Throws NOAUTH unless one ACL entry grants {@code perm} to one of the caller's ids. */
    public void check(List<Acl> acl, int perm, List<Id> authInfo, String path) {
        if (!allows(acl, perm, authInfo)) {
            throw ZooKeeperException.noAuth(path);
        }
    }

    public boolean allows(List<Acl> acl, int perm, List<Id> authInfo) {
        if (skipAcl || acl == null || acl.isEmpty()) {
            return true;
        }
        for (Id id : authInfo) {
            if ("super".equals(id.scheme())) {
                return true;
            }
        }
        for (Acl a : acl) {
            if ((a.perms() & perm) == 0) {
                continue;
            }
            Id id = a.id();
            if ("world".equals(id.scheme()) && "anyone".equals(id.id())) {
                return true;
            }
            AuthProvider p = providers.get(id.scheme());
            if (p == null) {
                continue;
            }
            for (Id authId : authInfo) {
                if (authId.scheme().equals(id.scheme()) && p.matches(authId.id(), id.id())) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * Validates an ACL supplied with create/setACL and expands {@code auth} entries into the
     * caller's identities (ZooKeeper's fixupACL).
     */
    public List<Acl> fixup(String path, List<Id> authInfo, List<Acl> acls) {
        if (acls == null || acls.isEmpty()) {
            throw ZooKeeperException.invalidAcl(path);
        }
        List<Acl> unique = new ArrayList<>(new LinkedHashSet<>(acls));
        List<Acl> out = new ArrayList<>();
        for (Acl a : unique) {
            Id id = a == null ? null : a.id();
            if (id == null || id.scheme() == null) {
                throw ZooKeeperException.invalidAcl(path);
            }
            if ("world".equals(id.scheme()) && "anyone".equals(id.id())) {
                out.add(a);
            } else if ("auth".equals(id.scheme())) {
                boolean any = false;
                for (Id cid : authInfo) {
                    if ("digest".equals(cid.scheme())) { // only authenticated schemes count, as in ZooKeeper
                        any = true;
                        out.add(new Acl(a.perms(), cid));
                    }
                }
                if (!any) {
                    throw ZooKeeperException.invalidAcl(path);
                }
            } else {
                AuthProvider p = providers.get(id.scheme());
                if (p == null || id.id() == null || !p.isValid(id.id())) {
                    throw ZooKeeperException.invalidAcl(path);
                }
                out.add(a);
            }
        }
        return out;
    }
}
