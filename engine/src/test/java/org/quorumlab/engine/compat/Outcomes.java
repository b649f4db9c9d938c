package org.quorumlab.engine.compat;

import java.util.ArrayList;
import java.util.List;
import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.OpResult;
import org.apache.zookeeper.data.ACL;
import org.apache.zookeeper.data.ClientInfo;

/** Comparable text for client results that need a {@link DiffSide} to normalise stats and owners. */
final class Outcomes {

    private Outcomes() {
    }

    static String error(KeeperException e) {
        return "ERR " + e.code();
    }

    static String multi(DiffSide side, List<OpResult> results) {
        if (results == null) {
            return "null";
        }
        List<String> out = new ArrayList<>();
        for (OpResult r : results) {
            out.add(result(side, r));
        }
        return out.toString();
    }

    private static String result(DiffSide side, OpResult r) {
        if (r instanceof OpResult.CreateResult c) {
            if (c.getPath() != null) {
                side.noteCreated(c.getPath());
            }
            return "create " + c.getPath() + " " + (c.getStat() == null ? "-" : side.stat(c.getPath(), c.getStat()));
        }
        if (r instanceof OpResult.SetDataResult s) {
            return "setData " + side.stat(null, s.getStat());
        }
        if (r instanceof OpResult.ErrorResult e) {
            return "error " + KeeperException.Code.get(e.getErr());
        }
        if (r instanceof OpResult.GetDataResult g) {
            return "getData " + data(g.getData()) + " " + side.stat(null, g.getStat());
        }
        if (r instanceof OpResult.GetChildrenResult g) {
            return "getChildren " + sorted(g.getChildren());
        }
        return r.getClass().getSimpleName() + " type=" + r.getType();
    }

    static String acl(List<ACL> acl) {
        List<String> out = new ArrayList<>();
        for (ACL a : acl) {
            out.add(a.getPerms() + ":" + a.getId().getScheme() + ":" + a.getId().getId());
        }
        return out.toString();
    }

    static String whoAmI(List<ClientInfo> infos) {
        List<String> out = new ArrayList<>();
        for (ClientInfo c : infos) {
            out.add(c.getAuthScheme() + ":" + c.getUser());
        }
        return sorted(out).toString();
    }

    static List<String> sorted(List<String> l) {
        List<String> copy = new ArrayList<>(l);
        copy.sort(null);
        return copy;
    }

    static String data(byte[] d) {
        return d == null ? "null" : new String(d, java.nio.charset.StandardCharsets.ISO_8859_1);
    }
}
