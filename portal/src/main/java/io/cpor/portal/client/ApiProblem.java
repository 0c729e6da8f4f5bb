package io.cpor.portal.client;

import java.util.List;
import java.util.Map;

/**
 * An API refused a call: its status and its problem answer (RFC 9457), whose {@code errors} name each offending
 * field of the request body.
 */
public final class ApiProblem extends RuntimeException {

    private final int status;
    private final String title;
    private final String detail;
    private final List<FieldError> errors;

    /** One offending field: its path in the request body ({@code customer.tenantId}, {@code workloads[1]}). */
    public record FieldError(String field, String message) {

        /** The path without indexes ({@code workloads[1]} is {@code workloads}): the form field it belongs to. */
        public String formField() {
            return field == null ? "" : field.replaceAll("\\[\\d+]", "");
        }
    }

    public ApiProblem(int status, Map<String, Object> problem) {
        super(status + " " + problem.getOrDefault("title", "") + ": " + problem.getOrDefault("detail", ""));
        this.status = status;
        this.title = text(problem.get("title"));
        this.detail = text(problem.get("detail"));
        this.errors = problem.get("errors") instanceof List<?> list ? list.stream()
                .filter(Map.class::isInstance).map(Map.class::cast)
                .map(error -> new FieldError(text(error.get("field")), text(error.get("message"))))
                .toList() : List.of();
    }

    private static String text(Object value) {
        return value == null ? null : String.valueOf(value);
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    public String detail() {
        return detail;
    }

    public List<FieldError> errors() {
        return errors;
    }
}
