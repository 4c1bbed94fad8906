package dev.roster.config;

import java.util.Map;

/**
 * The whole validated configuration (SPEC §6). Built only by {@link ConfigLoader}; every field is
 * non-null except {@link #demo()}, which is null outside demo mode, and {@link #cluster()}, null
 * without a {@code cluster} block (a single node).
 *
 * @param apps the apps by name, in file order
 * @param logging the log level ({@code logging}, docs/configuration.md)
 * @param tracing OpenTelemetry, {@link TracingOptions#OFF} unless configured
 */
public record RosterOptions(
    ServerOptions server,
    AdminOptions admin,
    Map<String, AppOptions> apps,
    DemoOptions demo,
    ClusterOptions cluster,
    LoggingOptions logging,
    TracingOptions tracing) {}
