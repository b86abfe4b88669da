package io.mediamonitor.ingest.fetch;

import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.Semaphore;

/** Caps the requests in flight to one host, so many feeds on one site do not hammer it. */
public final class HostLimiter {

    private final int permitsPerHost;
    private final ConcurrentMap<String, Semaphore> hosts = new ConcurrentHashMap<>();

    public HostLimiter(int permitsPerHost) {
        this.permitsPerHost = permitsPerHost;
    }

    /** A held permit; close it to release. */
    public interface Permit extends AutoCloseable {
        @Override
        void close();
    }

    public Permit acquire(String host) throws InterruptedException {
        Semaphore semaphore = hosts.computeIfAbsent(host == null ? "" : host.toLowerCase(Locale.ROOT),
                h -> new Semaphore(permitsPerHost, true));
        semaphore.acquire();
        return semaphore::release;
    }

    /** Permits currently free for {@code host} (for tests and metrics). */
    public int available(String host) {
        Semaphore semaphore = hosts.get(host.toLowerCase(Locale.ROOT));
        return semaphore == null ? permitsPerHost : semaphore.availablePermits();
    }
}
