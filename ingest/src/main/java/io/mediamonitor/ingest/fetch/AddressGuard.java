package io.mediamonitor.ingest.fetch;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Locale;

/**
 * Refuses feed URLs that are not http(s) or that resolve to loopback, private, link-local,
 * carrier-grade NAT, unique-local or multicast addresses: feeds added at runtime through a topic
 * can point anywhere, and must not become a way to reach the inside of the network (SSRF).
 * Checked again at every redirect hop.
 */
public final class AddressGuard {

    private final boolean allowPrivate;

    public AddressGuard(boolean allowPrivate) {
        this.allowPrivate = allowPrivate;
    }

    public void check(URI uri) throws FetchException {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new FetchException(FetchException.Kind.REFUSED, "refused: scheme '" + scheme + "' is not http(s)");
        }
        if (uri.getHost() == null) {
            throw new FetchException(FetchException.Kind.REFUSED, "refused: no host in " + uri);
        }
        if (allowPrivate) {
            return;
        }
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(uri.getHost());
        } catch (UnknownHostException e) {
            throw new FetchException(FetchException.Kind.NETWORK, "unknown host " + uri.getHost(), null, null, e);
        }
        for (InetAddress address : addresses) {
            if (isInternal(address)) {
                throw new FetchException(FetchException.Kind.REFUSED, "refused: " + uri.getHost() + " resolves to "
                        + address.getHostAddress() + ", a private or loopback address (ingest.allow.private.addresses is off; `fetch --allow-private` for one feed)");
            }
        }
    }

    static boolean isInternal(InetAddress address) {
        if (address.isLoopbackAddress() || address.isAnyLocalAddress() || address.isLinkLocalAddress()
                || address.isSiteLocalAddress() || address.isMulticastAddress()) {
            return true;
        }
        byte[] b = address.getAddress();
        if (address instanceof Inet6Address) {
            // fc00::/7 unique local; ::ffff:a.b.c.d mapped addresses are checked as IPv4 by the JDK already
            return (b[0] & 0xFE) == 0xFC;
        }
        int first = b[0] & 0xFF;
        int second = b[1] & 0xFF;
        return first == 0                                   // "this network"
                || (first == 100 && second >= 64 && second <= 127)  // carrier-grade NAT 100.64/10
                || (first == 192 && second == 0 && (b[2] & 0xFF) == 0) // IETF protocol assignments
                || (first == 198 && (second == 18 || second == 19))   // benchmarking 198.18/15
                || first >= 240;                            // reserved and broadcast
    }
}
