package io.mediamonitor.app.cli;

import io.mediamonitor.app.jobs.EnrichJob;
import io.mediamonitor.enrich.tagging.TagRunner;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Tags text with the dictionary: the tool for tuning a watchlist. */
@Command(name = "tag", mixinStandardHelpOptions = true,
        header = "Tag text with countries, actors and keywords.",
        description = "Tag text with countries, actors and keywords and print JSON. Text comes from the arguments, else from stdin. With --jsonl, stdin holds one JSON object per line with a 'text' field, and each line gets one JSON object back. Uses the built-in gazetteer and Sahel watch pack plus enrich.dictionary.file.")
public final class TagCommand implements Callable<Integer> {

    @Mixin
    GlobalOptions global;

    @Spec
    CommandSpec spec;

    @Option(names = "--jsonl", description = "Read JSON lines with a 'text' field from stdin; write one result per line.")
    boolean jsonl;

    @Parameters(arity = "0..*", paramLabel = "TEXT", description = "Text to tag (absent: read stdin).")
    List<String> text = List.of();

    @Override
    public Integer call() {
        if (jsonl && !text.isEmpty()) {
            // --jsonl reads stdin; a text given as well would be silently ignored
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--jsonl reads JSON lines from stdin and takes no TEXT argument (got " + text.size() + ")");
        }
        return TagRunner.run(text, jsonl, EnrichJob.baseDictionary(global.config()), System.in, System.out, System.err);
    }
}
