package dev.firebrigade;

/** Which incident.io actions endpoints the DSL talks to: {@code /v2/actions} (removed 2026-12-31) or {@code /v3/actions}. */
public enum ActionsApi {
    V2("/v2/actions"),
    V3("/v3/actions");

    private final String path;

    ActionsApi(String path) {
        this.path = path;
    }

    /** The collection path, such as {@code /v3/actions}. */
    public String path() {
        return path;
    }
}
