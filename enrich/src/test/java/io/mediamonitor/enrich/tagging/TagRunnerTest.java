package io.mediamonitor.enrich.tagging;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class TagRunnerTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(List<String> args, boolean jsonl, String stdin) {
        return TagRunner.run(args, jsonl, Dictionary.builtIn(), new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private List<String> lines() {
        return out.toString(StandardCharsets.UTF_8).lines().toList();
    }

    @Test
    void tags_the_arguments_as_one_text() {
        assertThat(run(List.of("L'AES", "au", "Mali,", "Bamako"), false, "")).isZero();
        assertThat(lines()).containsExactly("{\"countries\":[{\"code\":\"ML\",\"name\":\"Mali\",\"mentions\":2,\"matched\":[\"Mali\",\"Bamako\"]}],"
                + "\"actors\":[{\"id\":\"aes\",\"name\":\"Alliance des États du Sahel\",\"type\":\"alliance\",\"mentions\":1,\"matched\":[\"AES\"]}],"
                + "\"keywords\":[]}");
    }

    @Test
    void tags_standard_input_when_there_are_no_arguments() {
        assertThat(run(List.of(), false, "Le Niger\net le Tchad\n")).isZero();
        assertThat(lines()).hasSize(1);
        assertThat(lines().get(0)).contains("\"code\":\"NE\"", "\"code\":\"TD\"");
    }

    @Test
    void jsonl_writes_one_object_per_line_and_an_error_object_for_bad_lines() {
        String input = """
                {"text":"Le Mali"}
                {"text":"Wagner Group in Libya","id":"a-2"}
                not json
                {"title":"no text"}

                {"text":""}
                """;
        assertThat(run(List.of(), true, input)).isEqualTo(1);
        List<String> lines = lines();
        assertThat(lines).hasSize(5);
        assertThat(lines.get(0)).startsWith("{\"countries\":[{\"code\":\"ML\"");
        assertThat(lines.get(1)).startsWith("{\"id\":\"a-2\",\"countries\":[{\"code\":\"LY\"").contains("\"id\":\"wagner\"");
        assertThat(lines.get(2)).startsWith("{\"error\":\"line 3: not valid JSON").endsWith(",\"line\":3}");
        assertThat(lines.get(3)).isEqualTo("{\"error\":\"line 4: no \\\"text\\\" string field\",\"line\":4}");
        assertThat(lines.get(4)).isEqualTo("{\"countries\":[],\"actors\":[],\"keywords\":[]}");
    }

    @Test
    void jsonl_from_a_windows_file_with_a_byte_order_mark_reads_its_first_line_and_a_null_id_stays_null() {
        // before: line 1 was "not valid JSON" (the BOM), and "id": null came back as the string "null"
        assertThat(run(List.of(), true, "\uFEFF{\"id\":null,\"text\":\"Mali\"}\r\n{\"id\":7,\"text\":\"Niger\"}\r\n"))
                .isZero();
        assertThat(lines()).hasSize(2);
        assertThat(lines().get(0)).contains("\"ML\"").doesNotContain("\"id\"");
        assertThat(lines().get(1)).contains("\"id\":\"7\"").contains("\"NE\"");
    }

    @Test
    void jsonl_with_only_good_lines_succeeds() {
        assertThat(run(List.of(), true, "{\"text\":\"Niamey\"}\n{\"text\":\"Bamako\"}\n")).isZero();
        assertThat(lines()).hasSize(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    void jsonl_streams_thousands_of_lines() {
        StringBuilder in = new StringBuilder();
        for (int i = 0; i < 5000; i++) {
            in.append("{\"text\":\"Article ").append(i).append(": le Burkina Faso et le Mali\"}\n");
        }
        assertThat(run(List.of(), true, in.toString())).isZero();
        assertThat(lines()).hasSize(5000).allSatisfy(l -> assertThat(l).contains("\"BF\"", "\"ML\""));
    }
}
