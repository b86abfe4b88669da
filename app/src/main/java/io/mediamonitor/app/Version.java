package io.mediamonitor.app;

import picocli.CommandLine.IVersionProvider;

/** Version from the jar manifest, so --version says what was built. */
public final class Version implements IVersionProvider {

    public static String current() {
        String version = Version.class.getPackage().getImplementationVersion();
        return version == null ? "development build" : version;
    }

    @Override
    public String[] getVersion() {
        return new String[] {"media-monitor " + current(), "Kafka clients 4.3.1, Java " + System.getProperty("java.version")};
    }
}
