package dev.roster.cluster;

import io.vertx.redis.client.Command;
import io.vertx.redis.client.Request;
import java.util.List;

/**
 * What an event changes in the shared level before it is published, in the same batch, so a
 * replica that reads the shared level right after the webhook was answered already sees it: a
 * deleted user becomes a tombstone no fill overwrites, and the app's org generation moves so
 * no shared member list fetched before (possibly naming the user) is read again; an updated or
 * evicted user and a changed org lose their shared value; an app purge moves both generations.
 */
final class SharedEffects {
  private final ClusterKeys keys;

  SharedEffects(ClusterKeys keys) {
    this.keys = keys;
  }

  List<Request> of(ClusterEvent event) {
    String app = event.app();
    String key = event.key();
    if (app == null) {
      return List.of();
    }
    return switch (event.type()) {
      case ClusterEvent.USER_DELETED -> List.of(
          Request.cmd(Command.HSET).arg(keys.value(app, "user", key))
              .arg("ver").arg(SharedCache.TOMBSTONE).arg("gen").arg(SharedCache.TOMBSTONE)
              .arg("t").arg(event.at()).arg("d").arg(""),
          Request.cmd(Command.PEXPIRE).arg(keys.value(app, "user", key))
              .arg(SharedCache.TOMBSTONE_LIFE.toMillis()),
          Request.cmd(Command.INCR).arg(keys.generation(app, "org")));
      case ClusterEvent.USER_UPSERTED, ClusterEvent.USER_EVICTED ->
          List.of(Request.cmd(Command.DEL).arg(keys.value(app, "user", key)));
      case ClusterEvent.ORG_CHANGED ->
          List.of(Request.cmd(Command.DEL).arg(keys.value(app, "org", key)));
      case ClusterEvent.APP_CLEARED -> List.of(
          Request.cmd(Command.INCR).arg(keys.generation(app, "user")),
          Request.cmd(Command.INCR).arg(keys.generation(app, "org")));
      default -> List.of();
    };
  }
}
