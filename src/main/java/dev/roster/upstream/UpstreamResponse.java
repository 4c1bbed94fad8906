package dev.roster.upstream;

import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;

/** A complete upstream response, body fully read within the deadline. */
public record UpstreamResponse(int status, MultiMap headers, Buffer body) {}
