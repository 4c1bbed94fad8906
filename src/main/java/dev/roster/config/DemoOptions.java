package dev.roster.config;

/**
 * Demo mode ({@code demo:} in the file, SPEC §8): Roster starts the Clerk and Lexful simulators
 * and a local token issuer on these loopback ports before the apps, so the apps' {@code baseUrl}
 * and {@code jwksUrl} can point at them. Port 0 picks a free port (useful only in tests, which
 * then read the bound ports back).
 */
public record DemoOptions(int clerkPort, int lexfulPort, int issuerPort) {}
