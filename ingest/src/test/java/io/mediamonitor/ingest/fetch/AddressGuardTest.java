package io.mediamonitor.ingest.fetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.net.InetAddress;
import java.net.URI;
import org.junit.jupiter.api.Test;

class AddressGuardTest {

    @Test
    void classifiesInternalAddresses() throws Exception {
        for (String internal : new String[] {"127.0.0.1", "10.0.0.1", "172.16.5.4", "192.168.1.1", "169.254.169.254",
                "100.64.0.1", "0.0.0.0", "::1", "fd00::1", "fe80::1", "224.0.0.1"}) {
            assertThat(AddressGuard.isInternal(InetAddress.getByName(internal))).as(internal).isTrue();
        }
        for (String external : new String[] {"8.8.8.8", "151.101.1.1", "2001:4860:4860::8888"}) {
            assertThat(AddressGuard.isInternal(InetAddress.getByName(external))).as(external).isFalse();
        }
    }

    @Test
    void loopbackIsAllowedOnlyWhenConfigured() {
        URI local = URI.create("http://127.0.0.1:8080/feed");
        assertThatCode(() -> new AddressGuard(true).check(local)).doesNotThrowAnyException();
        assertThatCode(() -> new AddressGuard(false).check(local)).isInstanceOf(FetchException.class);
        assertThatCode(() -> new AddressGuard(true).check(URI.create("ftp://127.0.0.1/x"))).isInstanceOf(FetchException.class);
    }
}
