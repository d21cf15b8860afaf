package dev.firebrigade.error;

/**
 * incident.io no longer serves the actions API this client is set to: it answered 404 or 410 where that API always
 * answers (incident.io removes {@code /v2/actions} on 2026-12-31). Nothing was retried; switch the client to v3
 * ({@code INCIDENT_IO_ACTIONS_API=v3}, or unset it; {@code setActionsApi(ActionsApi.V3)} in code). The cause is
 * incident.io's own answer.
 */
public class ActionsApiRemovedException extends IncidentIoException {
    private static final long serialVersionUID = 1L;

    public ActionsApiRemovedException(IncidentIoException answer, String summary) {
        super(answer.status(), "actions_api_removed", summary, answer.requestId(), answer.errors(), answer.method(),
                answer.path(), answer);
    }
}
