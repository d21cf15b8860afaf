package dev.firebrigade;

import dev.firebrigade.error.InvalidInputException;

import java.time.LocalDate;
import java.util.Locale;

/**
 * Which incident.io actions endpoints the DSL talks to: {@code /v3/actions} (the default) or the deprecated
 * {@code /v2/actions}, which incident.io removes on {@link #V2_REMOVAL}. The DSL is the same on both.
 */
public enum ActionsApi {
    /** {@code /v2/actions}: deprecated, removed by incident.io on {@link #V2_REMOVAL}; its list is one answer. */
    V2("/v2/actions"),
    /** {@code /v3/actions}: paged lists with {@code created_at}/{@code updated_at} filters. The default. */
    V3("/v3/actions");

    /** The day incident.io removes every {@code /v2/actions} endpoint. */
    public static final LocalDate V2_REMOVAL = LocalDate.of(2026, 12, 31);

    private final String path;

    ActionsApi(String path) {
        this.path = path;
    }

    /** The collection path, such as {@code /v3/actions}. */
    public String path() {
        return path;
    }

    /** Whether incident.io has announced this API's removal. */
    public boolean deprecated() {
        return this == V2;
    }

    /**
     * The API a setting names: {@code v2} or {@code v3}, in any case and with surrounding blanks; unset or blank
     * means the default, {@link #V3}. Anything else fails, naming {@code setting} (an environment variable, say),
     * rather than silently falling back to a default the user did not choose.
     */
    public static ActionsApi parse(String value, String setting) {
        if (value == null || value.isBlank()) {
            return V3;
        }
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "v3" -> V3;
            case "v2" -> V2;
            default -> throw new InvalidInputException(setting, "is '" + value.strip() + "', which is no actions API",
                    "set it to v3 (the default) or v2 (deprecated, removed by incident.io on " + V2_REMOVAL
                            + "), or unset it");
        };
    }

    /** One line warning that this API is deprecated, naming the removal date and how to switch; null for v3. */
    public String deprecationNotice() {
        return deprecated() ? "firebrigade: the v2 actions API (" + path + ") is deprecated and incident.io removes it"
                + " on " + V2_REMOVAL + "; switch to v3 by unsetting " + IncidentIo.ACTIONS_API_ENV + " or setting it to v3"
                : null;
    }

    /** {@code v2} or {@code v3}, as the environment variable spells it. */
    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
