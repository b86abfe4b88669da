package io.mediamonitor.alerts.notify;

import io.mediamonitor.model.Alert;
import java.io.PrintStream;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Writes each alert as {@link AlertFormatter#summary}: one line, then its top articles. */
public final class ConsoleNotifier implements Notifier {

    private static final Logger log = LoggerFactory.getLogger(ConsoleNotifier.class);

    private final Consumer<String> sink;

    public ConsoleNotifier(Consumer<String> sink) {
        this.sink = sink;
    }

    /** To the application log at INFO (logger {@code io.mediamonitor.alerts.notify.ConsoleNotifier}). */
    public static ConsoleNotifier toLog() {
        return new ConsoleNotifier(log::info);
    }

    /** To a stream, e.g. {@code System.out}. */
    public static ConsoleNotifier to(PrintStream out) {
        return new ConsoleNotifier(text -> {
            out.println(text);
            out.flush();
        });
    }

    @Override
    public void deliver(Alert alert) {
        sink.accept(AlertFormatter.summary(alert));
    }
}
