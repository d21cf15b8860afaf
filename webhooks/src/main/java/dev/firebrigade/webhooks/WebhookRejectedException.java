package dev.firebrigade.webhooks;

import dev.firebrigade.error.IncidentIoException;

/**
 * A delivery that was not handed to your code, and why. The receiver answers it with {@link #status()} and no
 * detail, so a forger learns nothing; the reason is for your logs ({@link IncidentIoWebhooks#handler} reports it
 * through {@code onRejected}).
 */
public final class WebhookRejectedException extends IncidentIoException {
    private static final long serialVersionUID = 1L;

    /** Why a delivery was refused, with the HTTP status it is answered with. */
    public enum Reason {
        MISSING_HEADERS(400, "webhook-id, webhook-timestamp or webhook-signature is missing"),
        BAD_TIMESTAMP(400, "webhook-timestamp is not a number of seconds"),
        TIMESTAMP_TOO_OLD(400, "webhook-timestamp is older than the tolerance"),
        TIMESTAMP_IN_FUTURE(400, "webhook-timestamp is further in the future than the tolerance"),
        NO_VALID_SIGNATURE(400, "no v1 signature matches the body with any configured secret"),
        REPLAYED(400, "this exact delivery (same webhook-id and webhook-timestamp) was received before"),
        IN_PROGRESS(409, "a delivery with this webhook-id is still being handled"),
        NOT_AN_EVENT(400, "the signed body is not a JSON object"),
        BODY_TOO_LARGE(413, "the body is larger than the configured maximum");

        private final int status;
        private final String description;

        Reason(int status, String description) {
            this.status = status;
            this.description = description;
        }

        /** The HTTP status the receiver answers with. */
        public int status() {
            return status;
        }

        public String description() {
            return description;
        }
    }

    private final Reason reason;
    private final String messageId;

    WebhookRejectedException(Reason reason, String messageId) {
        super(reason.status, "webhook_rejected", reason.description
                + (messageId == null ? "" : " (webhook-id " + printable(messageId) + ")"), null, null, null, null, null);
        this.reason = reason;
        this.messageId = messageId;
    }

    /** The sender chose the ID before anything was verified: keep it from forging log lines. */
    private static String printable(String messageId) {
        String safe = messageId.replaceAll("[^A-Za-z0-9_.:-]", "?");
        return safe.length() > 64 ? safe.substring(0, 64) + "…" : safe;
    }

    public Reason reason() {
        return reason;
    }

    /** The delivery's {@code webhook-id}, or null when it had none. */
    public String messageId() {
        return messageId;
    }
}
