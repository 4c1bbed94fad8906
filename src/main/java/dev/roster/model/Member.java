package dev.roster.model;

/** A user together with the role they hold in one organisation, as the upstream names it. */
public record Member(User user, String orgId, String role) {}
