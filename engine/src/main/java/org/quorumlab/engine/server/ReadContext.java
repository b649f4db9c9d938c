package org.quorumlab.engine.server;

import java.util.List;
import org.quorumlab.engine.auth.AclChecker;
import org.quorumlab.engine.proto.Id;
import org.quorumlab.engine.tree.DataTree;
import org.quorumlab.engine.tree.Watcher;

/** What a {@link ReadOp} may use: the committed tree, ACL checks and the caller's identity. */
public record ReadContext(DataTree tree, AclChecker acls, List<Id> authInfo, long sessionId,
        ClientConnection connection, long lastZxid) {

    /** The watcher to register when the request asks for one. */
    public Watcher watcher(boolean wanted) {
        return wanted ? connection : null;
    }

    public void checkAcl(String path, int perm) {
        acls.check(tree.requireNode(path).acl(), perm, authInfo, path);
    }
}
