package io.cpor.support.openapi;

import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a service's OpenAPI document must say that its annotations cannot: the codes its API takes and answers
 * ({@code enums} by {@code Schema.property}, an array property's on its items; {@code parameterEnums} by parameter
 * name), made from the catalog and the domain's enums so the document cannot drift from what the service accepts;
 * and the properties of schemas made from domain records (which carry no annotations) that may be null.
 */
public record ApiRules(Map<String, List<String>> enums, Map<String, List<String>> parameterEnums,
        Set<String> nullable) {

    public ApiRules {
        enums = Map.copyOf(enums);
        parameterEnums = Map.copyOf(parameterEnums);
        nullable = Set.copyOf(nullable);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The names of an enum's constants, in declaration order. */
    public static List<String> names(Class<? extends Enum<?>> type) {
        return Arrays.stream(type.getEnumConstants()).map(Enum::name).toList();
    }

    public static final class Builder {

        private final Map<String, List<String>> enums = new LinkedHashMap<>();
        private final Map<String, List<String>> parameterEnums = new LinkedHashMap<>();
        private final Set<String> nullable = new LinkedHashSet<>();

        public Builder enumOf(String schemaProperty, Collection<String> codes) {
            enums.put(schemaProperty, List.copyOf(codes));
            return this;
        }

        public Builder parameterEnum(String name, Collection<String> codes) {
            parameterEnums.put(name, List.copyOf(codes));
            return this;
        }

        /** {@code Schema.property} names that may be null in answers and requests. */
        public Builder nullable(String... schemaProperties) {
            nullable.addAll(Arrays.asList(schemaProperties));
            return this;
        }

        public ApiRules build() {
            return new ApiRules(enums, parameterEnums, nullable);
        }
    }
}
