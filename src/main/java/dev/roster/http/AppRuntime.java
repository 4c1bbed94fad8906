package dev.roster.http;

import dev.roster.auth.TokenVerifier;
import dev.roster.config.AppOptions;
import dev.roster.lookup.AppDirectory;

/** Everything one app needs at request time, wired once at start. */
public record AppRuntime(
    String name, AppOptions options, TokenVerifier verifier, AppDirectory directory) {}
