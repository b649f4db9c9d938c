package org.quorumlab.launcher.state;

import java.io.IOException;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.UnknownHostException;
import org.quorumlab.launcher.LauncherException;

/** Checks a {@code --bind} address: it must resolve to the wildcard, loopback or an address of this host. */
public final class BindAddress {

    private BindAddress() {
    }

    /** The address {@code text} names, or a {@link LauncherException} saying why the nodes could not bind it. */
    public static InetAddress resolve(String text) {
        InetAddress a;
        try {
            a = InetAddress.getByName(text);
        } catch (UnknownHostException e) {
            throw new LauncherException("--bind " + text + ": unknown host");
        }
        try {
            if (a.isAnyLocalAddress() || a.isLoopbackAddress() || NetworkInterface.getByInetAddress(a) != null) {
                return a;
            }
        } catch (IOException e) {
            throw new LauncherException("--bind " + text + ": cannot list this host's addresses: " + e.getMessage(), e);
        }
        throw new LauncherException("--bind " + text + " (" + a.getHostAddress() + ") is not an address of this host");
    }
}
