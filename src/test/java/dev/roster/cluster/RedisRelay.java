package dev.roster.cluster;

import io.vertx.core.Vertx;
import io.vertx.core.net.NetClient;
import io.vertx.core.net.NetServer;
import io.vertx.core.net.NetSocket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A TCP relay between one Roster process and Redis, so a test can cut one replica off (close
 * its connections and refuse new ones) while the others stay connected; no privileges or
 * network namespaces needed.
 */
final class RedisRelay implements AutoCloseable {
  private final NetServer server;
  private final NetClient client;
  private final Set<NetSocket> open = ConcurrentHashMap.newKeySet();
  private volatile boolean cut;

  RedisRelay(Vertx vertx, int redisPort) {
    this.client = vertx.createNetClient();
    this.server = vertx.createNetServer().connectHandler(inbound -> {
      if (cut) {
        inbound.close();
        return;
      }
      inbound.pause();
      client.connect(redisPort, "127.0.0.1").onComplete(ar -> {
        if (ar.failed() || cut) {
          inbound.close();
          if (ar.succeeded()) {
            ar.result().close();
          }
          return;
        }
        NetSocket outbound = ar.result();
        open.add(inbound);
        open.add(outbound);
        inbound.handler(outbound::write);
        outbound.handler(inbound::write);
        inbound.closeHandler(v -> {
          open.remove(inbound);
          outbound.close();
        });
        outbound.closeHandler(v -> {
          open.remove(outbound);
          inbound.close();
        });
        inbound.resume();
      });
    }).listen(0, "127.0.0.1").await();
  }

  int port() {
    return server.actualPort();
  }

  String url() {
    return "redis://127.0.0.1:" + port() + "/0";
  }

  /** Closes every relayed connection and refuses new ones. */
  void cut() {
    cut = true;
    open.forEach(NetSocket::close);
  }

  void heal() {
    cut = false;
  }

  @Override
  public void close() {
    server.close();
    client.close();
  }
}
