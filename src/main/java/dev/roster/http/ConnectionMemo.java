package dev.roster.http;

import dev.roster.auth.RecentToken;
import io.vertx.core.net.SocketAddress;

/**
 * What one connection's requests to the {@linkplain FreshHits fast lane} keep repeating, kept
 * between them: the peer's address, the app last named, the token last accepted. A widget polls
 * one app with one token on a kept-alive connection, so each is recognised by a comparison
 * instead of a lookup. Confined to the connection's event loop.
 */
final class ConnectionMemo {
  final SocketAddress peer;
  final RecentToken token = new RecentToken();
  AppRuntime app;

  ConnectionMemo(SocketAddress peer) {
    this.peer = peer;
  }

  /** The app named by {@code path} from index 1 to {@code appEnd}, if it is the one before. */
  AppRuntime sameApp(String path, int appEnd) {
    AppRuntime last = app;
    return last != null
            && appEnd - 1 == last.name().length()
            && path.regionMatches(1, last.name(), 0, appEnd - 1)
        ? last
        : null;
  }
}
