package dev.firebrigade.bulk;

import dev.firebrigade.ActionsApi;
import dev.firebrigade.model.Identity;

import java.util.Locale;
import java.util.Objects;

/**
 * Where a bulk journal's rows were created: the API's base URL, who the key is ({@code GET /v1/identity}: its name
 * and organisation, never the key itself) and the actions API. A journal is resumed only where it was written: its
 * {@code created} lines mean nothing to another server or organisation. The actions API is recorded but not compared,
 * because v2 and v3 share action IDs.
 *
 * @param organisation the organisation's dashboard URL, null when unknown
 */
public record JournalBinding(String baseUrl, String keyName, String organisation, String actionsApi) {

    public JournalBinding {
        Objects.requireNonNull(baseUrl, "baseUrl");
    }

    /** The binding of creates through {@code baseUrl} with the key {@code identity} names, on {@code api}. */
    public static JournalBinding of(String baseUrl, Identity identity, ActionsApi api) {
        return new JournalBinding(baseUrl, identity == null ? null : identity.name(),
                identity == null ? null : identity.dashboardUrl(), api == null ? null : api.name().toLowerCase(Locale.ROOT));
    }

    /** Whether a journal bound to this may be resumed by a run bound to {@code other}: same server, same key. */
    public boolean sameTarget(JournalBinding other) {
        return normalised(baseUrl).equals(normalised(other.baseUrl)) && Objects.equals(keyName, other.keyName)
                && (organisation == null || other.organisation == null || organisation.equals(other.organisation));
    }

    /** {@code https://api.incident.io as key 'Importer' of https://app.incident.io/acme (actions v3)}. */
    @Override
    public String toString() {
        return baseUrl + " as key '" + keyName + "'" + (organisation == null ? "" : " of " + organisation)
                + (actionsApi == null ? "" : " (actions " + actionsApi + ")");
    }

    /** Scheme and host are case-insensitive, a trailing slash is no different place. */
    private static String normalised(String url) {
        String trimmed = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
        int pathStart = trimmed.indexOf('/', trimmed.indexOf("://") + 3);
        return pathStart < 0 ? trimmed.toLowerCase(Locale.ROOT)
                : trimmed.substring(0, pathStart).toLowerCase(Locale.ROOT) + trimmed.substring(pathStart);
    }
}
