package dev.firebrigade.model;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;
import com.fasterxml.jackson.annotation.JsonProperty;

/** A user's role as of March 2023 (deprecated by incident.io, still sent); {@link #UNKNOWN} for new values. */
public enum UserRole {
    @JsonProperty("viewer") VIEWER,
    @JsonProperty("responder") RESPONDER,
    @JsonProperty("administrator") ADMINISTRATOR,
    @JsonProperty("owner") OWNER,
    @JsonProperty("unset") UNSET,
    @JsonEnumDefaultValue UNKNOWN
}
