package dev.roster.model;

/** One phone number of a user. */
public record PhoneNumber(String id, String phoneNumber, Verification verification) {}
