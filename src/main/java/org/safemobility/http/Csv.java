package org.safemobility.http;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

/** Reports offered as JSON or, when the client asks for it explicitly, as CSV: the negotiation and the cells. */
public final class Csv {

    public static final String MEDIA_TYPE = "text/csv";

    private Csv() {
    }

    /** CSV only when the client prefers it explicitly; a wildcard gets JSON. */
    public static boolean preferred(HttpHeaders headers) {
        MediaType csv = MediaType.valueOf(MEDIA_TYPE);
        return headers.getAcceptableMediaTypes().stream()
                .filter(m -> m.isCompatible(MediaType.APPLICATION_JSON_TYPE) || m.isCompatible(csv))
                .findFirst().map(m -> !m.isWildcardType() && m.isCompatible(csv)).orElse(false);
    }

    /**
     * One cell: RFC 4180 quoting where needed, and an apostrophe before a value a spreadsheet would read as a formula
     * (names and reasons in exports are typed by people).
     */
    public static String cell(String value) {
        if (value == null) {
            return "";
        }
        String safe = !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        return safe.matches("[A-Za-z0-9_.:/ -]*") ? safe : '"' + safe.replace("\"", "\"\"") + '"';
    }
}
