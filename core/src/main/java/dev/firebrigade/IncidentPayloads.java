package dev.firebrigade;

import dev.firebrigade.model.Identity;
import dev.firebrigade.model.Incident;
import dev.firebrigade.model.PaginationMeta;

import java.util.List;

/** The JSON answers of the incidents and identity endpoints, as the spec names them. */
final class IncidentPayloads {
    private IncidentPayloads() {
    }

    /** {@code IncidentsShowResultV2}. */
    record One(Incident incident) {
    }

    /** {@code IncidentsListResultV2}; its {@code pagination_meta} carries a total when incident.io knows it. */
    record Many(List<Incident> incidents, PaginationMeta paginationMeta) implements PageBody<Incident> {
        @Override
        public List<Incident> items() {
            return incidents == null ? List.of() : incidents;
        }
    }

    /** {@code UtilitiesIdentityResultV1}. */
    record IdentityResult(Identity identity) {
    }
}
