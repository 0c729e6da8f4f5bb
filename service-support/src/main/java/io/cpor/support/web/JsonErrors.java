package io.cpor.support.web;

import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.InvalidNullException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/** Turns a JSON reading failure into the field it concerns and a sentence, without echoing internals. */
public final class JsonErrors {

    private JsonErrors() {
    }

    public static FieldViolation describe(JacksonException failure) {
        String field = path(failure.getPath());
        if (failure instanceof UnrecognizedPropertyException) {
            return new FieldViolation(field, "unknown field");
        }
        if (failure instanceof InvalidNullException) {
            return new FieldViolation(field, "must not be null");
        }
        if (failure instanceof InvalidFormatException invalid) {
            return new FieldViolation(field, "must be " + describe(invalid.getTargetType()));
        }
        if (failure instanceof MismatchedInputException mismatched && mismatched.getTargetType() != null) {
            return new FieldViolation(field.isEmpty() ? "(body)" : field,
                    "must be " + describe(mismatched.getTargetType()));
        }
        if (failure instanceof StreamReadException) {
            return new FieldViolation("(body)", "malformed JSON at line " + location(failure));
        }
        return new FieldViolation(field.isEmpty() ? "(body)" : field, "cannot be read");
    }

    private static String location(JacksonException failure) {
        return failure.getLocation() == null ? "?" : failure.getLocation().getLineNr() + ", column "
                + failure.getLocation().getColumnNr();
    }

    private static String path(List<JacksonException.Reference> references) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference reference : references) {
            if (reference.getPropertyName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(reference.getPropertyName());
            }
            else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static String describe(Class<?> type) {
        if (type == null) {
            return "of another type";
        }
        if (CharSequence.class.isAssignableFrom(type)) {
            return "a string";
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
            return "an integer";
        }
        if (Number.class.isAssignableFrom(type) || type.isPrimitive() && type != boolean.class) {
            return "a number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (List.class.isAssignableFrom(type) || type.isArray()) {
            return "an array";
        }
        if (type.isEnum()) {
            return "one of " + java.util.Arrays.toString(type.getEnumConstants());
        }
        return "an object";
    }
}
