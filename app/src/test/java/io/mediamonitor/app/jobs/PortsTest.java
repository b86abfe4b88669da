package io.mediamonitor.app.jobs;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mediamonitor.app.config.ConfigException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;

class PortsTest {

    private static final String FIX = "Pick another with -D dashboard.port=PORT (0: any free port).";

    @Test
    void aTakenPortIsNamedAsOne() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            assertThatThrownBy(() -> Ports.ensureFree("127.0.0.1", taken.getLocalPort(), "the dashboard", FIX))
                    .isInstanceOf(ConfigException.class)
                    .hasMessage("port " + taken.getLocalPort() + " is in use, so the dashboard cannot start. " + FIX);
        }
    }

    @Test
    void anAddressOfAnotherHostOrNoneIsNotCalledABusyPort() throws Exception {
        int free;
        try (ServerSocket probe = new ServerSocket()) {
            probe.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            free = probe.getLocalPort();
        }
        // TEST-NET-2 (RFC 5737): documentation addresses, never this host's
        assertThatThrownBy(() -> Ports.ensureFree("198.51.100.7", free, "the dashboard", FIX))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("cannot listen on 198.51.100.7:" + free + " for the dashboard (")
                .hasMessageEndingWith("): is 198.51.100.7 an address of this host?");
        assertThatThrownBy(() -> Ports.ensureFree("nosuchhost.invalid", free, "the dashboard", FIX))
                .isInstanceOf(ConfigException.class)
                .hasMessage("'nosuchhost.invalid' is no address of this host (the name does not resolve), so the"
                        + " dashboard cannot listen on it");
        assertThatThrownBy(() -> Ports.ensureFree("127.0.0.1", 70_000, "the dashboard", FIX))
                .isInstanceOf(ConfigException.class)
                .hasMessage("port 70000 is out of range (0 to 65535), so the dashboard cannot start. " + FIX);
    }
}
