package io.mediamonitor.app.jobs;

import io.mediamonitor.app.config.ConfigException;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/** Checks the ports a command will listen on before it starts anything, so a taken port fails in a second. */
public final class Ports {

    private Ports() {
    }

    /**
     * Refuses a port that something else holds, naming what needed it and the setting that moves it.
     * Port 0 (any free port) always passes.
     */
    public static void ensureFree(String bindAddress, int port, String what, String fix) {
        if (port == 0) {
            return;
        }
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress(bindAddress, port));
        } catch (IOException e) {
            throw new ConfigException("port " + port + " is in use, so " + what + " cannot start. " + fix);
        }
    }
}
