package io.mediamonitor.app.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The configuration: a YAML file whose nested keys flatten to Kafka-style dotted keys
 * ({@code topics: {prefix: x}} is {@code topics.prefix}), overridden by environment variables
 * {@code MEDIA_MONITOR_*} (mapped as Kafka's Docker images map {@code KAFKA_*}: {@code _} is
 * {@code .}, {@code __} is {@code _}, {@code ___} is {@code -}), overridden by {@code -D key=value}
 * on the command line. Keys ending in {@code .ms} take milliseconds or a duration such as
 * {@code 10m}, {@code 1h}, {@code 2d}, {@code PT30M}.
 */
public final class MonitorConfig {

    public static final String ENV_PREFIX = "MEDIA_MONITOR_";

    private final Map<String, Object> values;
    private final Map<String, String> environmentNames;

    private MonitorConfig(Map<String, Object> values) {
        this(values, Map.of());
    }

    private MonitorConfig(Map<String, Object> values, Map<String, String> environmentNames) {
        this.values = values;
        this.environmentNames = Map.copyOf(environmentNames);
    }

    public static MonitorConfig empty() {
        return new MonitorConfig(new TreeMap<>());
    }

    public static MonitorConfig load(Path file, Map<String, String> environment, Map<String, String> overrides) {
        Map<String, Object> values = new TreeMap<>();
        Map<String, String> environmentNames = new TreeMap<>();
        if (file != null) {
            flatten("", readYaml(file), values);
        }
        environment.forEach((name, value) -> {
            if (name.startsWith(ENV_PREFIX) && name.length() > ENV_PREFIX.length()) {
                String key = envToKey(name.substring(ENV_PREFIX.length()));
                values.put(key, value);
                environmentNames.put(key, name);
            }
        });
        if (overrides != null) {
            values.putAll(overrides);
            overrides.keySet().forEach(environmentNames::remove);
        }
        return new MonitorConfig(values, environmentNames);
    }

    /** The environment variable that set {@code key}, or null when the file or the command line did. */
    public String environmentVariable(String key) {
        return environmentNames.get(key);
    }

    private static Map<String, Object> readYaml(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new ConfigException("config file not found: " + file.toAbsolutePath());
        }
        try {
            ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
            JsonNode tree = yaml.readTree(file.toFile());
            if (tree == null || tree.isMissingNode() || tree.isNull()) {
                return Map.of(); // empty, or comments only: a template with every line commented out
            }
            Object root = yaml.treeToValue(tree, Object.class);
            if (!(root instanceof Map<?, ?> map)) {
                throw new ConfigException(file + ": the top level must be a mapping of keys to values");
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> typed = (Map<String, Object>) map;
            return typed;
        } catch (IOException e) {
            throw new ConfigException("cannot read config " + file + ": " + e.getMessage());
        }
    }

    @SuppressWarnings("unchecked")
    private static void flatten(String prefix, Map<String, Object> map, Map<String, Object> into) {
        map.forEach((key, value) -> {
            String full = prefix.isEmpty() ? key : prefix + "." + key;
            if (value instanceof Map<?, ?> nested) {
                flatten(full, (Map<String, Object>) nested, into);
            } else {
                into.put(full, value);
            }
        });
    }

    static String envToKey(String name) {
        return name.toLowerCase()
                .replace("___", "\u0000")
                .replace("__", "\u0001")
                .replace('_', '.')
                .replace('\u0000', '-')
                .replace('\u0001', '_');
    }

    /** This configuration with some keys set, e.g. a command's own option that maps to a key. */
    public MonitorConfig with(Map<String, ?> overrides) {
        Map<String, Object> copy = new TreeMap<>(values);
        copy.putAll(overrides);
        return new MonitorConfig(copy);
    }

    /** This configuration with the given values for the keys it does not set: a command's defaults, under the user's. */
    public MonitorConfig withDefaults(Map<String, ?> defaults) {
        Map<String, Object> copy = new TreeMap<>(defaults);
        values.forEach((key, value) -> {
            if (value != null) {
                copy.put(key, value);
            }
        });
        return new MonitorConfig(copy, environmentNames);
    }

    /** Every key set, from the file, the environment and the command line. */
    public java.util.Set<String> keys() {
        return java.util.Collections.unmodifiableSet(values.keySet());
    }

    public boolean has(String key) {
        return values.containsKey(key) && values.get(key) != null;
    }

    public String string(String key, String defaultValue) {
        Object value = values.get(key);
        return value == null ? defaultValue : value.toString();
    }

    /** A finite number; anything else, NaN included, is refused with the key's name. */
    public double decimal(String key, double defaultValue) {
        Object value = values.get(key);
        if (value == null) {
            return defaultValue;
        }
        double d;
        try {
            d = value instanceof Number n ? n.doubleValue() : Double.parseDouble(value.toString().trim());
        } catch (NumberFormatException e) {
            d = Double.NaN;
        }
        if (!Double.isFinite(d)) {
            throw new ConfigException(key + ": expected a number, got '" + value + "'");
        }
        return d;
    }

    public int integer(String key, int defaultValue) {
        Object value = values.get(key);
        if (value == null) {
            return defaultValue;
        }
        if (value instanceof Double d && d == Math.rint(d) && Math.abs(d) <= Integer.MAX_VALUE) {
            return d.intValue(); // YAML's 1e3
        }
        try {
            // any other number is read as text: a YAML 2.7 is refused like -D key=2.7, not cut to 2
            return Integer.parseInt(value.toString().trim());
        } catch (NumberFormatException e) {
            throw new ConfigException(key + ": expected an integer, got '" + value + "'");
        }
    }

    public boolean bool(String key, boolean defaultValue) {
        Object value = values.get(key);
        if (value == null) {
            return defaultValue;
        }
        String text = value.toString().trim().toLowerCase();
        if (!text.equals("true") && !text.equals("false")) {
            throw new ConfigException(key + ": expected true or false, got '" + value + "'");
        }
        return Boolean.parseBoolean(text);
    }

    public Duration duration(String key, Duration defaultValue) {
        Object value = values.get(key);
        if (value == null) {
            return defaultValue;
        }
        try {
            return Durations.parse(value.toString());
        } catch (IllegalArgumentException e) {
            throw new ConfigException(key + ": " + e.getMessage());
        }
    }

    /** A list value such as {@code feeds}: each element a mapping. */
    @SuppressWarnings("unchecked")
    public List<Map<String, Object>> list(String key) {
        Object value = values.get(key);
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof List<?> list)) {
            throw new ConfigException(key + ": expected a list");
        }
        for (Object element : list) {
            if (!(element instanceof Map)) {
                throw new ConfigException(key + ": every element must be a mapping, got '" + element + "'");
            }
        }
        return (List<Map<String, Object>>) list;
    }

    /**
     * A list value whose elements are records with known fields, such as {@code feeds}: each element's nested keys
     * flatten to dotted ones, as at the top level ({@code poll: {interval: 10m}} is {@code poll.interval}), and a
     * field not in {@code fields} is an error naming the element and the nearest known field.
     */
    public List<Map<String, Object>> list(String key, Set<String> fields) {
        List<Map<String, Object>> entries = list(key);
        List<Map<String, Object>> flat = new ArrayList<>(entries.size());
        for (int i = 0; i < entries.size(); i++) {
            Map<String, Object> entry = new LinkedHashMap<>();
            flatten("", entries.get(i), entry);
            for (String field : entry.keySet()) {
                if (!fields.contains(field)) {
                    throw ConfigKeys.unknownField(key + "[" + i + "]", field, fields);
                }
            }
            flat.add(entry);
        }
        return flat;
    }

    /** Every key under {@code prefix.} with the prefix removed, e.g. client settings under {@code kafka.}. */
    public Map<String, Object> withPrefix(String prefix) {
        Map<String, Object> result = new LinkedHashMap<>();
        String dotted = prefix.endsWith(".") ? prefix : prefix + ".";
        values.forEach((key, value) -> {
            if (key.startsWith(dotted) && value != null) {
                result.put(key.substring(dotted.length()), value.toString());
            }
        });
        return result;
    }

    public Map<String, Object> asMap() {
        return Map.copyOf(values);
    }
}
