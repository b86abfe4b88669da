package io.mediamonitor.enrich.tagging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The {@code media-monitor tag} command without its CLI wrapper: tags the arguments (joined by
 * spaces), or else standard input as one text, and prints one JSON object; with {@code jsonl}
 * reads one JSON object with a "text" field per line and prints one JSON object per line, an
 * {"error":...,"line":N} object for a line it cannot read. Streams: memory does not grow with input.
 */
public final class TagRunner {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private TagRunner() {}

    /**
     * @return 0 when every input was tagged; 1 when some JSONL lines were errors (each reported on
     *     {@code out}, the others tagged); 2 when input could not be read at all
     */
    public static int run(List<String> args, boolean jsonl, Dictionary dict, InputStream in, PrintStream out, PrintStream err) {
        Tagger tagger = dict.tagger();
        try {
            if (jsonl) {
                return jsonLines(tagger, in, out);
            }
            String text = args.isEmpty() ? withoutBom(new String(in.readAllBytes(), StandardCharsets.UTF_8))
                    : String.join(" ", args);
            out.println(TagsJson.toJson(tagger.tag(text)));
            out.flush();
            return 0;
        } catch (IOException e) {
            err.println("tag: cannot read input: " + e.getMessage());
            return 2;
        }
    }

    private static int jsonLines(Tagger tagger, InputStream in, PrintStream out) throws IOException {
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16);
        int status = 0;
        long lineNo = 0;
        String line;
        while ((line = reader.readLine()) != null) {
            lineNo++;
            if (lineNo == 1) {
                line = withoutBom(line);
            }
            if (line.isBlank()) {
                continue; // a trailing or separating empty line is not an input
            }
            Output o = tagLine(tagger, line, lineNo);
            if (o.error()) {
                status = 1;
            }
            out.println(o.json());
            if (!reader.ready()) {
                out.flush(); // interactive use: answer each line as it comes
            }
        }
        out.flush();
        return status;
    }

    /** One output line, and whether it reports an error. */
    record Output(String json, boolean error) {
        static Output error(long line, String why) {
            return new Output(TagsJson.error(line, why), true);
        }
    }

    /** The output line for one JSONL input line. */
    static Output tagLine(Tagger tagger, String line, long lineNo) {
        JsonNode node;
        try {
            node = MAPPER.readTree(line);
        } catch (JsonProcessingException e) {
            return Output.error(lineNo, "not valid JSON: " + e.getOriginalMessage());
        }
        if (node == null || !node.isObject()) {
            return Output.error(lineNo, "expected a JSON object with a \"text\" field");
        }
        JsonNode text = node.get("text");
        if (text == null || !text.isTextual()) {
            return Output.error(lineNo, "no \"text\" string field");
        }
        JsonNode id = node.get("id");
        boolean hasId = id != null && id.isValueNode() && !id.isNull();
        return new Output(TagsJson.toJson(tagger.tag(text.asText()), hasId ? id.asText() : null), false);
    }

    /** The text without the byte order mark Windows tools write at the start of a UTF-8 file. */
    public static String withoutBom(String text) {
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }
}
