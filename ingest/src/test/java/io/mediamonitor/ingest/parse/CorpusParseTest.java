package io.mediamonitor.ingest.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.rometools.rome.feed.synd.SyndFeed;
import io.mediamonitor.ingest.normalize.ArticleNormalizer;
import io.mediamonitor.ingest.normalize.FeedContext;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Parses and normalizes every file of the shared feed corpus (when present): nothing may throw
 * past the parser's own error type, and nothing may hang. Prints the counts.
 */
class CorpusParseTest {

    private static final Duration PER_FILE = Duration.ofSeconds(10);

    @Test
    void everyCorpusFileParsesOrFailsCleanlyWithoutHanging() throws Exception {
        String dir = System.getProperty("mediamonitor.corpus.dir");
        assumeTrue(dir != null && Files.isDirectory(Path.of(dir)), "feed corpus not present");
        List<Path> files;
        try (Stream<Path> walk = Files.walk(Path.of(dir))) {
            files = walk.filter(Files::isRegularFile)
                    .filter(p -> !p.getFileName().toString().startsWith("LICENSE"))
                    .filter(p -> !p.getFileName().toString().equals("README.md"))
                    .sorted().toList();
        }
        FeedParser parser = new FeedParser(Duration.ofSeconds(5));
        ExecutorService pool = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "corpus-parse");
            t.setDaemon(true); // a hung parse must not keep the JVM alive
            return t;
        });
        int parsed = 0;
        int articles = 0;
        List<String> hung = new ArrayList<>();
        List<String> crashed = new ArrayList<>();
        Map<String, Integer> failuresByReason = new TreeMap<>();
        try {
            for (Path file : files) {
                Future<Integer> task = pool.submit(() -> parseAndNormalize(parser, file));
                try {
                    articles += task.get(PER_FILE.toMillis(), TimeUnit.MILLISECONDS);
                    parsed++;
                } catch (TimeoutException e) {
                    task.cancel(true);
                    hung.add(file.toString());
                    pool.shutdownNow();
                    pool = Executors.newSingleThreadExecutor();
                } catch (ExecutionException e) {
                    if (e.getCause() instanceof FeedParseException fpe) {
                        String reason = fpe.reason().replaceAll("at line \\d+.*", "").replaceAll("[0-9]+", "N");
                        failuresByReason.merge(reason.length() > 70 ? reason.substring(0, 70) : reason, 1, Integer::sum);
                    } else {
                        crashed.add(file + ": " + e.getCause());
                    }
                }
            }
        } finally {
            pool.shutdownNow();
        }
        int failed = files.size() - parsed - hung.size();
        System.out.printf("Corpus: %d files, %d parsed (%d articles), %d failed cleanly, %d crashed, %d hung%n",
                files.size(), parsed, articles, failed - crashed.size(), crashed.size(), hung.size());
        failuresByReason.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(10)
                .forEach(e -> System.out.printf("  %5d  %s%n", e.getValue(), e.getKey()));
        crashed.stream().limit(10).forEach(c -> System.out.println("  crashed: " + c));
        assertThat(hung).as("files whose parse hung").isEmpty();
        assertThat(crashed).as("files that escaped the parser's error handling").isEmpty();
        assertThat(parsed).as("parsed files").isGreaterThan(files.size() * 3 / 4);
    }

    private static int parseAndNormalize(FeedParser parser, Path file) throws IOException, FeedParseException {
        SyndFeed feed = parser.parse(Files.readAllBytes(file), null, file.getFileName().toString());
        return ArticleNormalizer.normalize(feed, FeedContext.of("https://corpus.example/" + file.getFileName(),
                Instant.now())).size();
    }
}
