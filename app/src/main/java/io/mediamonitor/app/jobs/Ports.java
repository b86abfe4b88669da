package io.mediamonitor.app.jobs;

import io.mediamonitor.app.config.ConfigException;
import java.io.IOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;

/** Checks the ports a command will listen on before it starts anything, so a taken port fails in a second. */
public final class Ports {

    private Ports() {
    }

    /**
     * Refuses a port that something else holds, naming what needed it and the setting that moves it.
     * Port 0 (any free port) always passes.
     */
    public static void ensureFree(String bindAddress, int port, String what, String fix) {
        if (port < 0 || port > 65_535) {
            throw new ConfigException("port " + port + " is out of range (0 to 65535), so " + what + " cannot start. "
                    + fix);
        }
        if (port == 0) {
            return;
        }
        InetSocketAddress address = new InetSocketAddress(bindAddress, port);
        if (address.isUnresolved()) {
            throw new ConfigException("'" + bindAddress + "' is no address of this host (the name does not resolve),"
                    + " so " + what + " cannot listen on it");
        }
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(address);
        } catch (BindException e) {
            // an address of another host cannot be bound at all; on one of this host's, something listening there
            // answers (asked of the interfaces and the port, not read from the message, which the system words)
            if (!local(address.getAddress())) {
                throw new ConfigException("cannot listen on " + bindAddress + ":" + port + " for " + what + " ("
                        + e.getMessage() + "): is " + bindAddress + " an address of this host?");
            }
            if (listening(address)) {
                throw new ConfigException("port " + port + " is in use, so " + what + " cannot start. " + fix);
            }
            throw new ConfigException("cannot listen on " + bindAddress + ":" + port + " for " + what + " ("
                    + e.getMessage() + "). " + fix);
        } catch (IOException e) {
            throw new ConfigException("cannot listen on " + bindAddress + ":" + port + " for " + what + " ("
                    + e.getMessage() + ")");
        }
    }

    private static boolean listening(InetSocketAddress address) {
        InetAddress host = address.getAddress().isAnyLocalAddress() ? InetAddress.getLoopbackAddress()
                : address.getAddress();
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, address.getPort()), 1_000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static boolean local(InetAddress address) {
        if (address.isAnyLocalAddress() || address.isLoopbackAddress()) {
            return true;
        }
        try {
            return NetworkInterface.getByInetAddress(address) != null;
        } catch (SocketException e) {
            return false;
        }
    }
}
