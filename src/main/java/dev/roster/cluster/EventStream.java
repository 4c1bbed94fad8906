package dev.roster.cluster;

import dev.roster.metrics.ClusterMetrics;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.RedisConnection;
import io.vertx.redis.client.RedisOptions;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Reads the cluster's events stream on one held connection: {@code XREAD BLOCK} from the last
 * id seen, applying each entry. Its connection's state is the replica's sync state. On loss
 * (closed socket, error, or no reply within {@code BLOCK + 2 s}: a black-holed link) it goes
 * DEGRADED and reconnects with backoff, forever. On reconnect it catches up: the epoch key
 * changed (Redis restarted or failed over) or the entries after the last id seen were trimmed
 * away → every app's cache is cleared ({@code epoch}/{@code gap}); else it replays from the
 * last id ({@code replay}). Runs on one Vert.x context; not thread-safe.
 */
final class EventStream {
  static final long BLOCK_MS = 1_000;
  private static final int BATCH = 500;

  private final Vertx vertx;
  private final RedisOptions options;
  private final ClusterKeys keys;
  private final ClusterState state;
  private final ClusterMetrics metrics;
  private final Consumer<ClusterEvent> apply;
  private final Consumer<String> clearAll;
  private final Runnable onSynced;
  private final Duration opTimeout;
  private final Backoff backoff = new Backoff();

  private RedisConnection current;
  /** The client of the current connection: closed with it, so no pooled socket lingers. */
  private Redis currentClient;
  private String lastId;
  private String epoch;
  private boolean failedBeforeFirstSync;
  private boolean closed;
  private long retryTimer = -1;

  EventStream(Vertx vertx, RedisOptions options, ClusterKeys keys, ClusterState state,
      ClusterMetrics metrics, Duration opTimeout, Consumer<ClusterEvent> apply,
      Consumer<String> clearAll, Runnable onSynced) {
    this.vertx = vertx;
    this.options = options;
    this.keys = keys;
    this.state = state;
    this.metrics = metrics;
    this.opTimeout = opTimeout;
    this.apply = apply;
    this.clearAll = clearAll;
    this.onSynced = onSynced;
  }

  void start() {
    connect();
  }

  void close() {
    closed = true;
    if (retryTimer != -1) {
      vertx.cancelTimer(retryTimer);
    }
    dropConnection(current);
  }

  /** Closes {@code conn} (may be null) and the client it came from. */
  private void dropConnection(RedisConnection conn) {
    current = null;
    if (conn != null) {
      conn.close();
    }
    if (currentClient != null) {
      currentClient.close();
      currentClient = null;
    }
  }

  private void connect() {
    retryTimer = -1;
    if (closed) {
      return;
    }
    Redis client = Redis.createClient(vertx, options);
    client.connect()
        .timeout(Math.max(1_000, opTimeout.toMillis() * 4), TimeUnit.MILLISECONDS)
        .onFailure(e -> {
          client.close();
          lost(null, "cannot reach Redis");
        })
        .onSuccess(conn -> {
          current = conn;
          currentClient = client;
          conn.exceptionHandler(e -> lost(conn, "connection error"));
          conn.endHandler(v -> lost(conn, "connection closed"));
          resync(conn)
              .onFailure(e -> lost(conn, "cannot read the cluster's state"))
              .onSuccess(how -> {
                if (current != conn) {
                  return;
                }
                backoff.reset();
                state.toSynced(how);
                onSynced.run();
                read(conn);
              });
        });
  }

  /** Decides how to catch up after (re)connecting; returns the reason. */
  private Future<String> resync(RedisConnection conn) {
    String mine = UUID.randomUUID().toString();
    return send(conn, Request.cmd(Command.SET).arg(keys.epoch()).arg(mine).arg("NX"))
        .compose(ignored -> send(conn, Request.cmd(Command.GET).arg(keys.epoch())))
        .compose(e -> send(conn, Request.cmd(Command.XREVRANGE).arg(keys.events())
                .arg("+").arg("-").arg("COUNT").arg(1))
            .compose(last -> send(conn, Request.cmd(Command.XINFO).arg("STREAM")
                    .arg(keys.events()))
                .otherwise((Response) null)
                .map(info -> decide(e == null ? mine : e.toString(), newest(last), info))));
  }

  private String decide(String currentEpoch, String newestId, Response info) {
    String how;
    if (epoch == null) {
      // First contact. A replica that served on its own before cannot know what it missed.
      how = failedBeforeFirstSync ? clear("epoch", newestId) : start(newestId);
    } else if (!epoch.equals(currentEpoch)) {
      how = clear("epoch", newestId);
    } else if (trimmedAfter(info, lastId)) {
      how = clear("gap", newestId);
    } else {
      metrics.resync("replay");
      how = "replay";
    }
    epoch = currentEpoch;
    return how;
  }

  private String start(String newestId) {
    lastId = newestId;
    return "start";
  }

  private String clear(String reason, String newestId) {
    clearAll.accept(reason);
    metrics.resync(reason);
    lastId = newestId;
    return reason;
  }

  /** Whether entries after {@code id} may have been trimmed (the stream starts after it). */
  private static boolean trimmedAfter(Response info, String id) {
    if (StreamIds.NONE.equals(id)) {
      return false;
    }
    if (info == null) {
      return true;
    }
    Response first = info.get("first-entry");
    if (first == null || first.size() == 0) {
      // Empty stream although this replica saw entries: it was deleted or trimmed to nothing.
      return true;
    }
    return StreamIds.compare(first.get(0).toString(), id) > 0;
  }

  private static String newest(Response last) {
    return last == null || last.size() == 0 ? StreamIds.NONE : last.get(0).get(0).toString();
  }

  private void read(RedisConnection conn) {
    if (closed || current != conn) {
      return;
    }
    Request xread = Request.cmd(Command.XREAD).arg("COUNT").arg(BATCH).arg("BLOCK").arg(BLOCK_MS)
        .arg("STREAMS").arg(keys.events()).arg(lastId);
    conn.send(xread)
        .timeout(BLOCK_MS + 2_000, TimeUnit.MILLISECONDS)
        .onFailure(e -> lost(conn, "events read failed"))
        .onSuccess(response -> {
          if (current != conn) {
            return;
          }
          deliver(response);
          read(conn);
        });
  }

  private void deliver(Response response) {
    if (response == null) {
      return;
    }
    Response entries = response.isMap() ? response.get(keys.events()) : response.get(0).get(1);
    if (entries == null) {
      return;
    }
    for (Response entry : entries) {
      lastId = entry.get(0).toString();
      Response fields = entry.get(1);
      String text = null;
      if (fields.isMap()) {
        text = fields.get("m") == null ? null : fields.get("m").toString();
      } else {
        for (int i = 0; i + 1 < fields.size(); i += 2) {
          if ("m".equals(fields.get(i).toString())) {
            text = fields.get(i + 1).toString();
          }
        }
      }
      ClusterEvent event = text == null ? null : ClusterEvent.decode(text);
      if (event != null) {
        apply.accept(event);
      }
    }
  }

  private void lost(RedisConnection conn, String why) {
    if (closed || conn != current) {
      return;
    }
    dropConnection(conn);
    if (epoch == null) {
      failedBeforeFirstSync = true;
    }
    state.toDegraded(why);
    if (retryTimer == -1) {
      retryTimer = vertx.setTimer(backoff.nextDelayMillis(), id -> connect());
    }
  }

  private Future<Response> send(RedisConnection conn, Request request) {
    return conn.send(request).timeout(Math.max(1_000, opTimeout.toMillis() * 4), TimeUnit.MILLISECONDS);
  }
}
