package dev.firebrigade.internal.wire;

import dev.firebrigade.model.Identity;
import dev.firebrigade.model.Incident;
import dev.firebrigade.model.IncidentMode;
import dev.firebrigade.model.IncidentUpdate;
import dev.firebrigade.model.IncidentVisibility;
import dev.firebrigade.model.PaginationMeta;

import java.util.List;

/** The JSON bodies of the incidents, incident updates and identity endpoints, as the spec names them. */
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

    /** {@code IncidentsCreatePayloadV2}; null fields are left out, so incident.io applies its defaults. */
    public record Create(String idempotencyKey, String name, String summary, String severityId, String incidentTypeId,
                  String incidentStatusId, IncidentMode mode, IncidentVisibility visibility,
                  List<RoleAssignment> incidentRoleAssignments) {
    }

    /** {@code IncidentRoleAssignmentPayloadV2}. */
    public record RoleAssignment(String incidentRoleId, UserReference assignee) {
    }

    /** {@code UserReferencePayloadV2}: incident.io resolves an email itself, so one of the two is sent. */
    public record UserReference(String id, String email) {
    }

    /** {@code IncidentsEditPayloadV2}. */
    public record Edit(EditFields incident, boolean notifyIncidentChannel) {
    }

    /** {@code IncidentEditPayloadV2}: "only fields that are provided will be edited", so nulls are left out. */
    public record EditFields(String name, String summary, String severityId, String incidentStatusId, String callUrl,
                      List<RoleAssignment> incidentRoleAssignments) {
    }

    /** {@code IncidentUpdatesListResultV2}. */
    public record Updates(List<IncidentUpdate> incidentUpdates, PaginationMeta paginationMeta)
            implements PageBody<IncidentUpdate> {
        @Override
        public List<IncidentUpdate> items() {
            return incidentUpdates == null ? List.of() : incidentUpdates;
        }
    }

    /** {@code UtilitiesIdentityResultV1}. */
    public record IdentityResult(Identity identity) {
    }
}
