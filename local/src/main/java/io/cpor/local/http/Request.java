package io.cpor.local.http;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** An HTTP request as a handler sees it: path parameters from the route template, decoded query, body bytes. */
public record Request(String method, String path, Map<String, String> pathParams, Map<String, List<String>> query,
        Map<String, List<String>> headers, byte[] body) {

    public String pathParam(String name) {
        return pathParams.get(name);
    }

    /** The first value of a query parameter, or null. */
    public String query(String name) {
        List<String> values = query.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    /** A boolean query parameter: present and {@code true} (case-insensitive). */
    public boolean flag(String name) {
        return Boolean.parseBoolean(query(name));
    }

    /** The first value of a header (case-insensitive name), or null. */
    public String header(String name) {
        for (Map.Entry<String, List<String>> entry : headers.entrySet()) {
            if (entry.getKey().equalsIgnoreCase(name) && !entry.getValue().isEmpty()) {
                return entry.getValue().get(0);
            }
        }
        return null;
    }

    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }

    /** The media type of the body, without parameters, lower case; null if not given. */
    public String mediaType() {
        String contentType = header("Content-Type");
        if (contentType == null || contentType.isBlank()) {
            return null;
        }
        int semicolon = contentType.indexOf(';');
        return (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).trim().toLowerCase(Locale.ROOT);
    }
}
