package io.cpor.local.http;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Routes from a method and a path template ({@code /subjects/{subject}/versions}) to handlers. */
public final class Routes {

    /** Handles one request. */
    @FunctionalInterface
    public interface Handler {
        Response handle(Request request) throws Exception;
    }

    private final List<Route> routes = new ArrayList<>();

    public Routes on(String method, String template, Handler handler) {
        routes.add(new Route(method, segments(template), handler));
        return this;
    }

    /** The handler for a request and the path parameters it binds; 404 or 405 if there is none. */
    Match match(String method, String rawPath) {
        List<String> path = segments(rawPath);
        boolean pathKnown = false;
        for (Route route : routes) {
            Optional<Map<String, String>> params = route.bind(path);
            if (params.isPresent()) {
                pathKnown = true;
                if (route.method().equals(method)) {
                    return new Match(route.handler(), params.get());
                }
            }
        }
        throw pathKnown ? new HttpStatusException(405, "HTTP 405 Method Not Allowed")
                : new HttpStatusException(404, "HTTP 404 Not Found");
    }

    private static List<String> segments(String path) {
        List<String> segments = new ArrayList<>();
        for (String segment : path.split("/")) {
            if (!segment.isEmpty()) {
                segments.add(segment);
            }
        }
        return segments;
    }

    record Match(Handler handler, Map<String, String> pathParams) {
    }

    private record Route(String method, List<String> template, Handler handler) {

        Optional<Map<String, String>> bind(List<String> path) {
            if (path.size() != template.size()) {
                return Optional.empty();
            }
            Map<String, String> params = new HashMap<>();
            for (int i = 0; i < template.size(); i++) {
                String expected = template.get(i);
                String actual = URLDecoder.decode(path.get(i).replace("+", "%2B"), StandardCharsets.UTF_8);
                if (expected.startsWith("{") && expected.endsWith("}")) {
                    params.put(expected.substring(1, expected.length() - 1), actual);
                }
                else if (!expected.equals(actual)) {
                    return Optional.empty();
                }
            }
            return Optional.of(params);
        }
    }
}
