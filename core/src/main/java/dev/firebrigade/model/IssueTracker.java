package dev.firebrigade.model;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;
import com.fasterxml.jackson.annotation.JsonProperty;

/** An issue tracker a follow-up can be connected to; {@link #UNKNOWN} stands for ones incident.io adds later. */
public enum IssueTracker {
    @JsonProperty("asana") ASANA,
    @JsonProperty("azure_devops") AZURE_DEVOPS,
    @JsonProperty("click_up") CLICK_UP,
    @JsonProperty("freshservice") FRESHSERVICE,
    @JsonProperty("linear") LINEAR,
    @JsonProperty("jira") JIRA,
    @JsonProperty("salesforce") SALESFORCE,
    @JsonProperty("jira_server") JIRA_SERVER,
    @JsonProperty("github") GITHUB,
    @JsonProperty("gitlab") GITLAB,
    @JsonProperty("service_now") SERVICE_NOW,
    @JsonProperty("shortcut") SHORTCUT,
    @JsonProperty("notion") NOTION,
    @JsonEnumDefaultValue UNKNOWN;
}
