package dev.firebrigade.model;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;
import com.fasterxml.jackson.annotation.JsonProperty;

/** The state of a follow-up; {@link #UNKNOWN} stands for values incident.io adds after this release. */
public enum FollowUpStatus {
    @JsonProperty("outstanding") OUTSTANDING,
    @JsonProperty("completed") COMPLETED,
    /** Listed by incident.io, but never settable: use {@code followUps().delete(id)}. */
    @JsonProperty("deleted") DELETED,
    @JsonProperty("not_doing") NOT_DOING,
    @JsonEnumDefaultValue UNKNOWN;

    /** The wire form, as incident.io spells it. */
    public String wireName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
