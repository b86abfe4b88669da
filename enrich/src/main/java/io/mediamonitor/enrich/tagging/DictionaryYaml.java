package io.mediamonitor.enrich.tagging;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.mediamonitor.model.Alias;
import io.mediamonitor.model.DictionaryEntry;
import io.mediamonitor.model.DictionaryEntryKind;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads actors and keywords from YAML (format documented at the top of
 * {@code dictionary/sahel.yaml}, the built-in pack, which is read the same way).
 */
public final class DictionaryYaml {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Pattern ACTOR_ID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    /** Upper-case short forms (AES, JNIM, U.S.) are acronyms: case-sensitive unless said otherwise. */
    private static final Pattern ACRONYM = Pattern.compile("\\p{Lu}[\\p{Lu}\\d.\\-]{1,7}");
    private static final Set<String> TYPES = Set.of("alliance", "armed-group", "organisation", "person");

    private DictionaryYaml() {}

    public static List<DictionaryEntry> load(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return load(in, file.toString());
        }
    }

    public static List<DictionaryEntry> load(InputStream in, String origin) throws IOException {
        JsonNode root = YAML.readTree(in);
        if (root == null || root.isMissingNode() || root.isNull()) {
            return List.of();
        }
        if (!root.isObject()) {
            throw new IllegalArgumentException(origin + ": expected a mapping with 'actors' and/or 'keywords'");
        }
        List<DictionaryEntry> entries = new ArrayList<>();
        for (JsonNode actor : list(root.get("actors"))) {
            entries.add(actor(actor, origin));
        }
        for (JsonNode keyword : list(root.get("keywords"))) {
            entries.add(keyword(keyword, origin));
        }
        refuseRepeats(entries, origin);
        return entries;
    }

    /**
     * One file lists each actor and keyword once: a keyword is one term whatever its case, so "Coup d'État" and
     * "coup d'état" would be one entry, the last silently replacing the first.
     */
    private static void refuseRepeats(List<DictionaryEntry> entries, String origin) {
        Map<String, DictionaryEntry> seen = new HashMap<>();
        for (DictionaryEntry e : entries) {
            DictionaryEntry first = seen.putIfAbsent(Dictionary.key(e), e);
            if (first != null) {
                String kind = e.getKind() == DictionaryEntryKind.ACTOR ? "actor" : "keyword";
                throw new IllegalArgumentException(origin + ": " + kind + " '" + e.getId() + "' is listed twice"
                        + (first.getId().equals(e.getId()) ? "" : " (as '" + first.getId() + "' before: "
                        + "keywords are one term whatever their case)") + "; merge the two entries");
            }
        }
    }

    /** The built-in Sahel watch pack. */
    public static List<DictionaryEntry> sahelPack() {
        try (InputStream in = DictionaryYaml.class.getResourceAsStream("/dictionary/sahel.yaml")) {
            return load(in, "dictionary/sahel.yaml");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static DictionaryEntry actor(JsonNode node, String origin) {
        String id = required(node, "id", origin);
        String where = origin + ": actor " + id;
        if (!ACTOR_ID.matcher(id).matches()) {
            throw new IllegalArgumentException(where + ": id must be kebab-case (a-z, 0-9, -)");
        }
        String type = required(node, "type", origin + ": actor " + id);
        if (!TYPES.contains(type)) {
            throw new IllegalArgumentException(where + ": type must be one of " + TYPES);
        }
        List<Alias> aliases = aliases(node.get("aliases"));
        return entry(DictionaryEntryKind.ACTOR, id, text(node, "name", id), type, aliases, node, where);
    }

    private static DictionaryEntry keyword(JsonNode node, String origin) {
        if (node.isTextual()) {
            String k = node.asText().trim();
            return entry(DictionaryEntryKind.KEYWORD, k, k, null, List.of(new Alias(k, null, false)),
                    YAML.createObjectNode(), origin);
        }
        String k = required(node, "keyword", origin);
        List<Alias> aliases = aliases(node.get("aliases"));
        if (aliases.isEmpty()) {
            aliases = List.of(new Alias(k, null, false));
        }
        return entry(DictionaryEntryKind.KEYWORD, k, text(node, "name", k), null, aliases, node, origin + ": keyword " + k);
    }

    private static DictionaryEntry entry(DictionaryEntryKind kind, String id, String name, String type,
                                         List<Alias> aliases, JsonNode node, String where) {
        List<String> ambiguous = strings(node.has("ambiguousAliases") ? node.get("ambiguousAliases") : node.get("ambiguous"));
        Set<String> known = new HashSet<>();
        aliases.forEach(a -> known.add(TextFolding.foldToString(a.getText())));
        for (String a : ambiguous) {
            if (!known.contains(TextFolding.foldToString(a))) {
                throw new IllegalArgumentException(where + ": ambiguous alias '" + a + "' is not one of its aliases");
            }
        }
        return new DictionaryEntry(kind, id, name, type, aliases, strings(node.get("context")),
                strings(node.get("negativeContext")), ambiguous);
    }

    private static List<Alias> aliases(JsonNode node) {
        List<Alias> out = new ArrayList<>();
        if (node == null || node.isNull()) {
            return out;
        }
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                String language = e.getKey().equals("any") ? null : e.getKey();
                for (JsonNode item : list(e.getValue())) {
                    out.add(alias(item, language));
                }
            }
        } else {
            for (JsonNode item : list(node)) {
                out.add(alias(item, null));
            }
        }
        return out;
    }

    private static Alias alias(JsonNode item, String language) {
        String text = item.isTextual() ? item.asText() : item.path("text").asText("");
        if (text.isBlank()) {
            throw new IllegalArgumentException("alias without text: " + item);
        }
        String lang = item.isObject() && item.hasNonNull("language") ? item.get("language").asText() : language;
        boolean cs = item.isObject() && item.has("caseSensitive")
                ? item.get("caseSensitive").asBoolean()
                : ACRONYM.matcher(text).matches();
        return new Alias(text.trim(), lang, cs);
    }

    private static List<JsonNode> list(JsonNode node) {
        List<JsonNode> out = new ArrayList<>();
        if (node == null || node.isNull()) {
            return out;
        }
        if (node.isArray()) {
            node.forEach(out::add);
        } else {
            out.add(node);
        }
        return out;
    }

    private static List<String> strings(JsonNode node) {
        return list(node).stream().map(JsonNode::asText).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    private static String required(JsonNode node, String field, String where) {
        String v = text(node, field, null);
        if (v == null || v.isBlank()) {
            throw new IllegalArgumentException(where + ": missing '" + field + "'");
        }
        return v;
    }

    private static String text(JsonNode node, String field, String fallback) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? fallback : v.asText().trim();
    }
}
