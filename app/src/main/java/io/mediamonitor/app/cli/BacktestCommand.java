package io.mediamonitor.app.cli;

import io.mediamonitor.tools.backtest.ArticleLines;
import io.mediamonitor.tools.backtest.BacktestEngine;
import io.mediamonitor.tools.backtest.FutureDates;
import io.mediamonitor.alerts.notify.AlertFormatter;
import io.mediamonitor.alerts.notify.AlertJson;
import io.mediamonitor.app.config.MonitorConfig;
import io.mediamonitor.app.jobs.AlertJob;
import io.mediamonitor.app.jobs.EnrichJob;
import io.mediamonitor.enrich.LiveDictionary;
import io.mediamonitor.enrich.tagging.TagRunner;
import io.mediamonitor.model.Alert;
import io.mediamonitor.model.Article;
import io.mediamonitor.model.WatchlistEntry;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Replays a file of articles through the real enrich and alert topologies, without a broker. */
@Command(name = "backtest", mixinStandardHelpOptions = true,
        header = "Replay a file of articles through enrich and alerts, without Kafka.",
        description = "Run the enrich and alert topologies over a JSON-lines file of articles, without Kafka, deterministically, in the file's order (event time = publishedAt, so late lines are late articles). Lines: {\"id\",\"url\",\"title\",\"summary\",\"source\",\"language\",\"publishedAt\"}. Alerts go to stdout; progress and a summary (articles, stories, alerts per term) to stderr.")
public final class BacktestCommand implements Callable<Integer> {

    @Mixin
    GlobalOptions global;

    @Option(names = "--input", required = true, paramLabel = "FILE.jsonl", description = "Articles, one JSON object per line.")
    Path input;

    @Option(names = "--json", description = "Print alerts as JSON lines (alert fields, times in ISO-8601 UTC).")
    boolean json;

    @Option(names = "--strict", description = "Stop at the first bad line (exit code 1) instead of skipping it.")
    boolean strict;

    @Override
    public Integer call() throws Exception {
        MonitorConfig config = global.config();
        if (!Files.isRegularFile(input)) {
            System.err.println("error: no such file: " + input);
            return 2;
        }
        long size = Files.size(input);
        ProgressBar progress = new ProgressBar(System.err, size);
        try (BacktestEngine engine = new BacktestEngine(EnrichJob.settings(config),
                LiveDictionary.over(EnrichJob.baseDictionary(config)), AlertJob.settings(config));
             InputStream in = Files.newInputStream(input);
             BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (WatchlistEntry entry : AlertJob.watchlist(config)) {
                engine.watch(entry);
            }
            FutureDates futureDates = new FutureDates();
            String line;
            long number = 0;
            long bytes = 0;
            long accepted = 0;
            while ((line = lines.readLine()) != null) {
                number++;
                bytes += line.getBytes(StandardCharsets.UTF_8).length + 1;
                if (number == 1) {
                    line = TagRunner.withoutBom(line);
                }
                if (line.isBlank()) {
                    continue;
                }
                List<ArticleLines.BadLine> bad = new ArrayList<>();
                List<Article> replay = List.of();
                try {
                    Article article = ArticleLines.parse(line, number);
                    String refusal = engine.refusal(article);
                    if (refusal != null) {
                        throw new ArticleLines.BadLine(number, refusal);
                    }
                    FutureDates.Verdict verdict = futureDates.offer(article, number);
                    bad.addAll(verdict.refused());
                    replay = verdict.replay();
                } catch (ArticleLines.BadLine e) {
                    bad.add(e);
                }
                if (refused(bad, engine, progress)) {
                    return 1;
                }
                accepted += replay(engine, replay, progress);
                progress.update(bytes, accepted);
            }
            if (refused(futureDates.finish(), engine, progress)) {
                return 1;
            }
            progress.update(size, accepted);
            progress.finish();
            System.out.flush();
            engine.summary().print(System.err);
            if (accepted == 0) {
                // an empty file, or a file of another format (an RSS feed given by mistake): nothing was replayed
                System.err.printf("error: no article in %s (%d lines read); expected one JSON object per line%n",
                        input, number);
                return 1;
            }
        }
        return 0;
    }

    /** Replays the articles, printing the alerts they raise; returns how many. */
    private int replay(BacktestEngine engine, List<Article> articles, ProgressBar progress) {
        for (Article article : articles) {
            for (Alert alert : engine.accept(article)) {
                progress.clear(); // on a terminal, the alert starts its own line, not the bar's
                System.out.println(json ? AlertJson.toJsonString(alert) : AlertFormatter.summary(alert));
            }
        }
        return articles.size();
    }

    /** Reports the lines set aside; true when --strict makes the first of them the end of the run. */
    private boolean refused(List<ArticleLines.BadLine> lines, BacktestEngine engine, ProgressBar progress) {
        for (ArticleLines.BadLine line : lines) {
            if (strict) {
                progress.finish();
                System.err.println("error: " + input + " " + line.getMessage());
                return true;
            }
            progress.clear();
            System.err.println("skipped " + input + " " + line.getMessage());
            engine.summary().countSkippedLine();
        }
        return false;
    }
}
