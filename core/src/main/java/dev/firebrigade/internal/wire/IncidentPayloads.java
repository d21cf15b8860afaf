package dev.firebrigade.internal.wire;

import dev.firebrigade.model.Identity;
import dev.firebrigade.model.Incident;
import dev.firebrigade.model.PaginationMeta;

import java.util.List;

/** The JSON answers of the incidents and identity endpoints, as the spec names them. */
public final class IncidentPayloads {
    private IncidentPayloads() {
    }

    /** {@code IncidentsShowResultV2}. */
    public record One(Incident incident) {
    }

    /** {@code IncidentsListResultV2}; its {@code pagination_meta} carries a total when incident.io knows it. */
    public record Many(List<Incident> incidents, PaginationMeta paginationMeta) implements PageBody<Incident> {
        @Override
        public List<Incident> items() {
            return incidents == null ? List.of() : incidents;
        }
    }

    /** {@code UtilitiesIdentityResultV1}. */
    public record IdentityResult(Identity identity) {
    }
}
