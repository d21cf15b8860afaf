package dev.firebrigade.model;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;
import com.fasterxml.jackson.annotation.JsonProperty;

/** Whether an incident is real, a test, a tutorial, imported or a stream; {@link #UNKNOWN} for new values. */
public enum IncidentMode {
    @JsonProperty("standard") STANDARD,
    @JsonProperty("retrospective") RETROSPECTIVE,
    @JsonProperty("test") TEST,
    @JsonProperty("tutorial") TUTORIAL,
    @JsonProperty("stream") STREAM,
    @JsonEnumDefaultValue UNKNOWN;

    /** The wire form, as incident.io spells it. */
    public String wireName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
