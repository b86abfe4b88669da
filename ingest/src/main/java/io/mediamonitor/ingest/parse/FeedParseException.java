package io.mediamonitor.ingest.parse;

/**
 * A feed document that could not be read, with the feed it came from and, when the XML parser
 * said so, the line and column of the fault.
 */
public final class FeedParseException extends Exception {

    private final String feed;
    private final String reason;
    private final int line;
    private final int column;

    public FeedParseException(String feed, String reason, int line, int column, Throwable cause) {
        super(format(feed, reason, line, column), cause);
        this.feed = feed;
        this.reason = reason;
        this.line = line;
        this.column = column;
    }

    private static String format(String feed, String reason, int line, int column) {
        String where = line > 0 ? " at line " + line + (column > 0 ? ", column " + column : "") : "";
        return "feed " + feed + ": " + reason + where;
    }

    public String feed() {
        return feed;
    }

    /** The cause alone, e.g. "XML: DOCTYPE is disallowed at line 2, column 10", for the status topic. */
    public String reason() {
        String where = line > 0 ? " at line " + line + (column > 0 ? ", column " + column : "") : "";
        return reason + where;
    }

    /** 1-based line of the fault, or -1 when unknown. */
    public int line() {
        return line;
    }

    /** 1-based column of the fault, or -1 when unknown. */
    public int column() {
        return column;
    }
}
