package dev.firebrigade;

import dev.firebrigade.model.IncidentRole;
import dev.firebrigade.model.IncidentStatus;
import dev.firebrigade.model.IncidentType;
import dev.firebrigade.model.Severity;

import java.util.List;

/** The JSON answers of the organisation's catalog endpoints, as the spec names them. */
final class CatalogPayloads {
    private CatalogPayloads() {
    }

    /** {@code SeveritiesListResultV1}. */
    record Severities(List<Severity> severities) implements Catalog.Listing<Severity> {
        @Override
        public List<Severity> items() {
            return severities == null ? List.of() : severities;
        }
    }

    /** {@code IncidentTypesListResultV1}. */
    record IncidentTypes(List<IncidentType> incidentTypes) implements Catalog.Listing<IncidentType> {
        @Override
        public List<IncidentType> items() {
            return incidentTypes == null ? List.of() : incidentTypes;
        }
    }

    /** {@code IncidentStatusesListResultV1}. */
    record IncidentStatuses(List<IncidentStatus> incidentStatuses) implements Catalog.Listing<IncidentStatus> {
        @Override
        public List<IncidentStatus> items() {
            return incidentStatuses == null ? List.of() : incidentStatuses;
        }
    }

    /** {@code IncidentRolesListResultV2}. */
    record IncidentRoles(List<IncidentRole> incidentRoles) implements Catalog.Listing<IncidentRole> {
        @Override
        public List<IncidentRole> items() {
            return incidentRoles == null ? List.of() : incidentRoles;
        }
    }
}
