package io.cpor.support.web;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.http.MediaType;

/**
 * Rows of an export as RFC 4180 CSV: every line ends in CRLF; a cell holding a comma, a quote or a line break is
 * quoted, its quotes doubled. A cell that a spreadsheet would take for a formula (starting with {@code =}, {@code +},
 * {@code -}, {@code @}, a tab or a carriage return) is prefixed with an apostrophe, so an exported claim name
 * cannot run in the reader's spreadsheet.
 */
public final class Csv {

    public static final MediaType TEXT_CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

    private Csv() {
    }

    /** One line: the cells in order, null as empty. */
    public static String row(List<?> cells) {
        return cells.stream().map(cell -> cell(cell == null ? "" : cell.toString()))
                .collect(Collectors.joining(",", "", "\r\n"));
    }

    static String cell(String value) {
        String safe = !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        boolean quoted = safe.indexOf(',') >= 0 || safe.indexOf('"') >= 0 || safe.indexOf('\n') >= 0
                || safe.indexOf('\r') >= 0;
        return quoted ? '"' + safe.replace("\"", "\"\"") + '"' : safe;
    }
}
