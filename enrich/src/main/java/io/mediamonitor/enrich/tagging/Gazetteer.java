package io.mediamonitor.enrich.tagging;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The country gazetteer: every ISO 3166-1 country with its English and French names, short forms,
 * capitals and demonyms. Read from {@code gazetteer/countries.tsv} (generated from the
 * world-countries dataset by {@code enrich/gazetteer/generate.mjs}) with the hand-curated
 * {@code gazetteer/overlay.tsv} applied on top.
 */
public record Gazetteer(List<Country> countries, List<String> stopPhrases, byte[] sourceBytes) {

    static final String GENERATED = "/gazetteer/countries.tsv";
    static final String OVERLAY = "/gazetteer/overlay.tsv";

    /** One surface form of a country. */
    public record Form(String text, String language, boolean caseSensitive, boolean ambiguous) {}

    /** A country: ISO alpha-2 code, English short name, forms, and context rules for its ambiguous forms. */
    public record Country(String code, String name, List<Form> forms, List<String> context, List<String> negativeContext) {
        public Country {
            forms = List.copyOf(forms);
            context = List.copyOf(context);
            negativeContext = List.copyOf(negativeContext);
        }
    }

    public Gazetteer {
        countries = List.copyOf(countries);
        stopPhrases = List.copyOf(stopPhrases);
    }

    private static final class Holder {
        static final Gazetteer BUNDLED = load(read(GENERATED), read(OVERLAY));
    }

    /** The gazetteer shipped in the jar, parsed once. */
    public static Gazetteer bundled() {
        return Holder.BUNDLED;
    }

    public Country country(String code) {
        return countries.stream().filter(c -> c.code().equals(code)).findFirst().orElse(null);
    }

    private static String read(String resource) {
        try (InputStream in = Gazetteer.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Parses the generated table and applies the overlay (see the overlay's header for its rows). */
    public static Gazetteer load(String generated, String overlay) {
        Map<String, Builder> byCode = new LinkedHashMap<>();
        List<String> stops = new ArrayList<>();
        for (String[] row : rows(generated)) {
            Builder b = byCode.computeIfAbsent(row[0], Builder::new);
            if (row[1].equals("display")) {
                b.name = row[3];
            } else {
                b.put(new Form(row[3], row[2].isEmpty() ? null : row[2], row[1].equals("acronym"), false));
            }
        }
        for (String[] row : rows(overlay)) {
            String code = row[0];
            String field = row[1];
            String text = row[3];
            String flags = row.length > 4 ? row[4] : "";
            switch (field) {
                case "drop" -> {
                    String key = TextFolding.foldToString(text);
                    byCode.values().stream()
                            .filter(b -> code.equals("-") || b.code.equals(code))
                            .forEach(b -> b.forms.remove(key));
                }
                case "stop" -> stops.add(text);
                case "context" -> builder(byCode, code).context.add(text);
                case "negative" -> builder(byCode, code).negative.add(text);
                default -> builder(byCode, code).put(new Form(text, row[2].isEmpty() ? null : row[2],
                        flags.contains("cs") || field.equals("acronym"), flags.contains("amb")));
            }
        }
        List<Country> countries = byCode.values().stream().map(Builder::build).toList();
        byte[] bytes = (generated + "\u0000" + overlay).getBytes(StandardCharsets.UTF_8);
        return new Gazetteer(countries, stops, bytes);
    }

    private static Builder builder(Map<String, Builder> byCode, String code) {
        Builder b = byCode.get(code);
        if (b == null) {
            throw new IllegalArgumentException("overlay names unknown country " + code);
        }
        return b;
    }

    private static List<String[]> rows(String tsv) {
        List<String[]> rows = new ArrayList<>();
        for (String line : tsv.split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] cols = line.split("\t", -1);
            if (cols.length < 4) {
                throw new IllegalArgumentException("gazetteer row needs 4 columns: " + line);
            }
            rows.add(cols);
        }
        return rows;
    }

    private static final class Builder {
        final String code;
        String name;
        // keyed by folded form: one entry per form however it is accented or cased
        final Map<String, Form> forms = new LinkedHashMap<>();
        final List<String> context = new ArrayList<>();
        final List<String> negative = new ArrayList<>();

        Builder(String code) {
            this.code = code;
        }

        void put(Form f) {
            forms.put(TextFolding.foldToString(f.text()), f);
        }

        Country build() {
            return new Country(code, name == null ? code : name, new ArrayList<>(forms.values()), context, negative);
        }
    }
}
