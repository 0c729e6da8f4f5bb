package io.cpor.schemas.datacontract;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What a schema version says about itself: free properties ({@code owner}, {@code application.major.version}), tags
 * per field path, and the fields that are sensitive. Everything is kept sorted, so two equal metadata print alike and
 * a schema's identity does not depend on the order a client sent them in.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@JsonPropertyOrder({"tags", "properties", "sensitive"})
public record Metadata(SortedMap<String, SortedSet<String>> tags, SortedMap<String, String> properties,
        SortedSet<String> sensitive) {

    /** The property Confluent's registry sets to the version number when asked to. */
    public static final String VERSION_PROPERTY = "confluent:version";

    @JsonCreator
    public Metadata(@JsonProperty("tags") Map<String, ? extends Set<String>> tags,
            @JsonProperty("properties") Map<String, String> properties,
            @JsonProperty("sensitive") Set<String> sensitive) {
        this(sortedTags(tags), sorted(properties), sortedSet(sensitive));
    }

    public Metadata {
        tags = Collections.unmodifiableSortedMap(tags == null ? new TreeMap<>() : tags);
        properties = Collections.unmodifiableSortedMap(properties == null ? new TreeMap<>() : properties);
        sensitive = Collections.unmodifiableSortedSet(sensitive == null ? new TreeSet<>() : sensitive);
    }

    /** Metadata with these properties only. */
    public static Metadata ofProperties(Map<String, String> properties) {
        return new Metadata(null, properties, null);
    }

    /** Whether every given property is present here with the given value. */
    public boolean hasProperties(Map<String, String> wanted) {
        return wanted.entrySet().stream().allMatch(entry -> entry.getValue().equals(properties.get(entry.getKey())));
    }

    /** This metadata with one property set. */
    public Metadata withProperty(String key, String value) {
        SortedMap<String, String> changed = new TreeMap<>(properties);
        changed.put(key, value);
        return new Metadata(tags, changed, sensitive);
    }

    /**
     * Confluent's merge: a side that is absent gives the other; otherwise the newer side's properties and tags
     * replace the older's key by key, and sensitive fields are the union.
     */
    public static Metadata merge(Metadata older, Metadata newer) {
        if (older == null) {
            return newer;
        }
        if (newer == null) {
            return older;
        }
        SortedMap<String, SortedSet<String>> tags = new TreeMap<>(older.tags);
        tags.putAll(newer.tags);
        SortedMap<String, String> properties = new TreeMap<>(older.properties);
        properties.putAll(newer.properties);
        SortedSet<String> sensitive = new TreeSet<>(older.sensitive);
        sensitive.addAll(newer.sensitive);
        return new Metadata(tags, properties, sensitive);
    }

    private static SortedMap<String, SortedSet<String>> sortedTags(Map<String, ? extends Set<String>> tags) {
        SortedMap<String, SortedSet<String>> sorted = new TreeMap<>();
        if (tags != null) {
            tags.forEach((path, names) -> sorted.put(required(path, "tag path"), sortedSet(names)));
        }
        return sorted;
    }

    private static SortedMap<String, String> sorted(Map<String, String> properties) {
        SortedMap<String, String> sorted = new TreeMap<>();
        if (properties != null) {
            properties.forEach((key, value) -> sorted.put(required(key, "property name"),
                    required(value, "value of property " + key)));
        }
        return sorted;
    }

    private static SortedSet<String> sortedSet(Set<String> values) {
        SortedSet<String> sorted = new TreeSet<>();
        if (values != null) {
            values.forEach(value -> sorted.add(required(value, "set member")));
        }
        return sorted;
    }

    private static String required(String value, String what) {
        if (value == null) {
            throw new IllegalArgumentException("Metadata may not hold a null " + what);
        }
        return value;
    }
}
