package io.cpor.local.http;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** What a handler answers. */
public record Response(int status, String contentType, byte[] body, Map<String, String> headers) {

    public Response {
        headers = Map.copyOf(headers);
    }

    public static Response of(int status, String contentType, String body) {
        return new Response(status, contentType, body.getBytes(StandardCharsets.UTF_8), Map.of());
    }

    public static Response html(int status, String html) {
        return of(status, "text/html; charset=utf-8", html);
    }

    public Response withStatus(int newStatus) {
        return new Response(newStatus, contentType, body, headers);
    }

    public Response withHeader(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(headers);
        more.put(name, value);
        return new Response(status, contentType, body, more);
    }
}
