package dev.roster.upstream;

/**
 * Turns a complete upstream response into a value, inside the guarded exchange: throwing an
 * {@link UpstreamFailure} (e.g. {@link FailureKind#MALFORMED}) makes the exchange count as a
 * failure; returning normally (a 404 read as "absent" included) counts as a success.
 */
@FunctionalInterface
public interface ResponseDecoder<T> {
  T decode(UpstreamResponse response);
}
