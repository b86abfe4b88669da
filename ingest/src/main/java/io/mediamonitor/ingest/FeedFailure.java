package io.mediamonitor.ingest;

import io.mediamonitor.ingest.fetch.FetchException;
import java.util.Locale;

/**
 * Why a poll failed, in a few kinds an operator can count and alert on (the {@code reason} of
 * {@code media_monitor_feed_errors_total}); the error text says the rest.
 */
public enum FeedFailure {
    /** The server answered 4xx. */
    HTTP_4XX,
    /** The server answered 5xx. */
    HTTP_5XX,
    /** Another status no feed comes with (a 3xx without a usable Location, a 1xx or 2xx other than 200). */
    HTTP_OTHER,
    /** Connecting or the answer took too long. */
    TIMEOUT,
    /** No answer: connection refused or reset, unknown host, TLS. */
    NETWORK,
    /** The address is one ingest may not fetch (private, loopback...). */
    REFUSED,
    /** The body is over the size limit, or inflates beyond it. */
    TOO_LARGE,
    /** More redirects than allowed. */
    REDIRECTS,
    /** The body's encoding cannot be read. */
    ENCODING,
    /** The body is not a feed ingest can read: not XML, empty, not RSS or Atom. */
    PARSE,
    /** The articles could not be written to Kafka. */
    PUBLISH,
    /** Anything else: a bug, reported as such in the log. */
    OTHER;

    /** The metric label: {@code http_4xx}, {@code timeout}, {@code parse}... */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The kind of a failed fetch. */
    public static FeedFailure of(FetchException e) {
        return switch (e.kind()) {
            case HTTP_STATUS -> e.httpStatus() == null ? HTTP_OTHER
                    : e.httpStatus() >= 500 && e.httpStatus() < 600 ? HTTP_5XX
                    : e.httpStatus() >= 400 && e.httpStatus() < 500 ? HTTP_4XX : HTTP_OTHER;
            case TIMEOUT -> TIMEOUT;
            case TOO_LARGE -> TOO_LARGE;
            case REFUSED -> REFUSED;
            case TOO_MANY_REDIRECTS -> REDIRECTS;
            case NETWORK -> NETWORK;
            case BAD_ENCODING -> ENCODING;
        };
    }
}
