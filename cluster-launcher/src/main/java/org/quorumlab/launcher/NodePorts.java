package org.quorumlab.launcher;

/** The four localhost ports of one node. {@code admin} is -1 when the engine has no admin server. */
public record NodePorts(int client, int quorum, int election, int admin) {

    /** {@code client,quorum,election,admin}, as stored in the state file. */
    public String format() {
        return client + "," + quorum + "," + election + "," + admin;
    }

    public static NodePorts parse(String text) {
        String[] p = text.split(",");
        if (p.length != 4) {
            throw new LauncherException("bad node ports '" + text + "' (expected client,quorum,election,admin)");
        }
        try {
            return new NodePorts(Integer.parseInt(p[0].trim()), Integer.parseInt(p[1].trim()),
                    Integer.parseInt(p[2].trim()), Integer.parseInt(p[3].trim()));
        } catch (NumberFormatException e) {
            throw new LauncherException("bad node ports '" + text + "'");
        }
    }
}
