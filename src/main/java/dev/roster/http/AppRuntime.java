package dev.roster.http;

import dev.roster.auth.TokenVerifier;
import dev.roster.config.AppOptions;
import dev.roster.lookup.AppDirectory;
import dev.roster.lookup.ChangeFeed;
import dev.roster.ratelimit.CallerRateLimiter;
import dev.roster.webhook.ClerkWebhookProcessor;

/**
 * Everything one app needs at request time, wired once at start. {@code webhooks} is null when
 * the app has no Clerk signing secret;
 * {@code rateLimiter} is null when the app limits no caller. {@code changes} is where webhooks
 * and admin purges send what changed: the directory itself, or the cluster's feed in front of it.
 */
public record AppRuntime(
    String name,
    AppOptions options,
    TokenVerifier verifier,
    AppDirectory directory,
    ClerkWebhookProcessor webhooks,
    CallerRateLimiter rateLimiter,
    ChangeFeed changes) {}
