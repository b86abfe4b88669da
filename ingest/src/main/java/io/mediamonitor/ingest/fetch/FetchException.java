package io.mediamonitor.ingest.fetch;

import java.time.Duration;

/** A fetch that produced no usable document, with a short reason fit for the feed status topic. */
public final class FetchException extends Exception {

    /** What went wrong, for scheduling decisions (e.g. Retry-After) and counting. */
    public enum Kind { HTTP_STATUS, TIMEOUT, TOO_LARGE, REFUSED, TOO_MANY_REDIRECTS, NETWORK, BAD_ENCODING }

    private final Kind kind;
    private final Integer httpStatus;
    private final Duration retryAfter;

    public FetchException(Kind kind, String reason, Integer httpStatus, Duration retryAfter, Throwable cause) {
        super(reason, cause);
        this.kind = kind;
        this.httpStatus = httpStatus;
        this.retryAfter = retryAfter;
    }

    public FetchException(Kind kind, String reason) {
        this(kind, reason, null, null, null);
    }

    public Kind kind() {
        return kind;
    }

    /** HTTP status of the answer, or null when none came. */
    public Integer httpStatus() {
        return httpStatus;
    }

    /** The server's Retry-After hint, or null. */
    public Duration retryAfter() {
        return retryAfter;
    }
}
