package dev.roster.model;

/** The verification state of an email address or phone number. */
public record Verification(String status, String strategy) {}
