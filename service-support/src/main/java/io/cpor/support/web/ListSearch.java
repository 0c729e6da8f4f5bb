package io.cpor.support.web;

/** The {@code q} parameter of a list: a search term of at most 200 characters, trimmed; blank is no search. */
public final class ListSearch {

    static final int MAX_LENGTH = 200;

    private ListSearch() {
    }

    public static String term(String q) {
        if (q == null || q.isBlank()) {
            return null;
        }
        if (q.length() > MAX_LENGTH) {
            throw new InvalidRequestException("q", "must be at most " + MAX_LENGTH + " characters");
        }
        return q.trim();
    }
}
