package dev.firebrigade.model;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The category of an incident's status. {@link #LIVE} is shown as "Active" in incident.io's app and {@link #LEARNING}
 * as "Post-incident"; {@link #UNKNOWN} stands for values added after this release.
 */
public enum IncidentStatusCategory {
    @JsonProperty("triage") TRIAGE,
    @JsonProperty("declined") DECLINED,
    @JsonProperty("merged") MERGED,
    @JsonProperty("canceled") CANCELED,
    @JsonProperty("live") LIVE,
    @JsonProperty("learning") LEARNING,
    @JsonProperty("closed") CLOSED,
    @JsonProperty("paused") PAUSED,
    @JsonEnumDefaultValue UNKNOWN;

    /** The wire form, as incident.io spells it. */
    public String wireName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
