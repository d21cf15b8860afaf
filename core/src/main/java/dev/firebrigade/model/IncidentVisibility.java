package dev.firebrigade.model;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;
import com.fasterxml.jackson.annotation.JsonProperty;

/** Whether anyone in the Slack workspace may see an incident, or only those invited; {@link #UNKNOWN} for new values. */
public enum IncidentVisibility {
    @JsonProperty("public") PUBLIC,
    @JsonProperty("private") PRIVATE,
    @JsonEnumDefaultValue UNKNOWN;

    /** The wire form, as incident.io spells it. */
    public String wireName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
