package io.mediamonitor.ingest.parse;

import java.io.FilterReader;
import java.io.IOException;
import java.io.Reader;

/**
 * Fails the read once a deadline has passed, so a slow or pathological document cannot hold a
 * parse thread: the XML parser pulls every character through here.
 */
final class DeadlineReader extends FilterReader {

    /** Thrown through the XML parser when the deadline passes. */
    static final class DeadlineExceeded extends IOException {
        DeadlineExceeded(String message) {
            super(message);
        }
    }

    private final long deadlineNanos;
    private final long budgetMillis;

    DeadlineReader(Reader in, long budgetMillis) {
        super(in);
        this.budgetMillis = budgetMillis;
        this.deadlineNanos = System.nanoTime() + budgetMillis * 1_000_000L;
    }

    private void check() throws DeadlineExceeded {
        if (System.nanoTime() - deadlineNanos > 0) {
            throw new DeadlineExceeded("parse deadline of " + budgetMillis + " ms exceeded");
        }
    }

    @Override
    public int read() throws IOException {
        check();
        return super.read();
    }

    @Override
    public int read(char[] buffer, int offset, int length) throws IOException {
        check();
        return super.read(buffer, offset, length);
    }
}
