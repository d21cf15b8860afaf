package dev.firebrigade.internal.transport;

import java.util.List;

/** incident.io's error body ({@code ErrorResponse}): {@code {type, status, request_id, errors[]}}. */
record ErrorBody(String type, Integer status, String requestId, List<Entry> errors) {

    /** One {@code ErrorSingle}. */
    record Entry(String code, String message, Source source) {
    }

    /** An {@code ErrorSource}: which request field was at fault. */
    record Source(String field, String pointer) {
    }
}
