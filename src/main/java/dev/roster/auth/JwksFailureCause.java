package dev.roster.auth;

import io.netty.handler.codec.DecoderException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLException;

/**
 * Names why a JWKS fetch failed, in the words an operator searches for: {@code DNS}, {@code TLS},
 * {@code connection refused}, {@code timeout}, {@code HTTP status 404}. The text comes from the
 * exception's class and Roster's own messages, never from the response body.
 */
final class JwksFailureCause {
  private JwksFailureCause() {}

  static String describe(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof UnknownHostException) {
        return "DNS: cannot resolve the host (" + t.getMessage() + ")";
      }
      if (t instanceof SSLException) {
        return "TLS: " + t.getMessage();
      }
      if (t instanceof ConnectException || t instanceof NoRouteToHostException) {
        return "connection refused or unreachable (" + t.getMessage() + ")";
      }
      if (t instanceof TimeoutException) {
        return "timeout: " + t.getMessage();
      }
      if (t.getCause() == null && t instanceof DecoderException && t.getMessage() != null) {
        return "TLS or protocol error: " + t.getMessage();
      }
    }
    String message = failure.getMessage() == null ? "" : failure.getMessage();
    if (message.startsWith("JWKS answered status ")) {
      return "HTTP status " + message.substring("JWKS answered status ".length());
    }
    if (message.contains("timed out")) {
      return "timeout after " + JwksClient.TIMEOUT_MILLIS + " ms";
    }
    return message.isEmpty() ? failure.getClass().getSimpleName() : message;
  }
}
