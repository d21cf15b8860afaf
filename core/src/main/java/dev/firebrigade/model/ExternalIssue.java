package dev.firebrigade.model;

/** The tracker issue a follow-up is connected to ({@code ExternalIssueReferenceV2}). */
public record ExternalIssue(IssueTracker provider, String issueName, String issuePermalink) {

    @Override
    public String toString() {
        return issueName + " (" + issuePermalink + ")";
    }
}
