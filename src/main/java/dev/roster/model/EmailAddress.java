package dev.roster.model;

/** One email address of a user; {@code id} and {@code verification} may be null (Lexful). */
public record EmailAddress(String id, String emailAddress, Verification verification) {}
