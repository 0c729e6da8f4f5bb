package io.cpor.support.web;

/** The {@code limit} parameter of a paged list: an integer from 1 to a maximum, else refused naming it. */
public final class PageLimit {

    private PageLimit() {
    }

    public static int parse(String limit, int max) {
        try {
            int size = Integer.parseInt(limit.trim());
            if (size >= 1 && size <= max) {
                return size;
            }
        }
        catch (NumberFormatException | NullPointerException e) {
            // refused below
        }
        throw new InvalidRequestException("limit", "must be an integer from 1 to " + max);
    }
}
