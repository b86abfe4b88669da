package io.mediamonitor.app.cli;

import io.mediamonitor.app.config.MonitorConfig;
import io.mediamonitor.app.jobs.IngestJob;
import io.mediamonitor.ingest.ArticleJsonWriter;
import io.mediamonitor.ingest.FeedInspector;
import io.mediamonitor.model.Article;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Shows what ingest would make of one feed, without Kafka. */
@Command(name = "fetch", mixinStandardHelpOptions = true,
        header = "Print the normalized articles of one feed as JSON lines (no Kafka).",
        description = "Fetch and parse one feed (URL or local file) and print its normalized articles as JSON lines (fields as in the Article schema, times in ISO-8601 UTC). No Kafka involved.")
public final class FetchCommand implements Callable<Integer> {

    @Mixin
    GlobalOptions global;

    @Parameters(paramLabel = "URL|FILE", description = "Feed URL (http/https) or path of a feed file.")
    String target;

    @Option(names = "--allow-private", description = "Allow feeds on loopback or private addresses.")
    boolean allowPrivate;

    @Override
    public Integer call() throws Exception {
        MonitorConfig config = global.config();
        FeedInspector inspector = new FeedInspector(IngestJob.settings(config).withAllowPrivateAddresses(
                allowPrivate || config.bool("ingest.allow.private.addresses", false)));
        List<Article> articles;
        try {
            articles = inspector.inspect(target);
        } catch (FeedInspector.InspectionException e) {
            System.err.println("error: " + e.getMessage());
            return 1;
        }
        Writer out = new OutputStreamWriter(System.out, StandardCharsets.UTF_8);
        ArticleJsonWriter.write(articles, out);
        out.flush();
        System.err.println(articles.size() + " articles from " + target);
        return 0;
    }
}
