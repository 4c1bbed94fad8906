package dev.roster.upstream.clerk;

import dev.roster.config.UpstreamOptions;
import dev.roster.model.Member;
import dev.roster.model.Provider;
import dev.roster.model.User;
import dev.roster.time.TimerSource;
import dev.roster.upstream.DirectoryClient;
import dev.roster.upstream.Lane;
import dev.roster.upstream.UpstreamChannel;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The {@link DirectoryClient} for Clerk's Backend API (version {@value
 * UpstreamOptions#CLERK_API_VERSION}). Every request carries the secret key and the pinned API
 * version and goes through the given guarded {@link UpstreamChannel}.
 */
public final class ClerkClient implements DirectoryClient {
  /** Clerk caps the {@code user_id} filter at 100 values. */
  public static final int MAX_IDS = 100;

  private final UpstreamChannel channel;
  private final ClerkUserReads reads;
  private final ClerkMemberFetch members;
  private final ClerkUserBatcher batcher;

  /** A client that sends each single-user read on its own (no batching). */
  public ClerkClient(UpstreamChannel channel, UpstreamOptions options) {
    this(channel, options, null);
  }

  /**
   * A client that batches single-user reads arriving within {@code options.batchWindow()} of
   * each other on {@code timers} (none when the window is zero or {@code timers} is null).
   */
  public ClerkClient(UpstreamChannel channel, UpstreamOptions options, TimerSource timers) {
    this.channel = channel;
    ClerkRequests requests = new ClerkRequests(options.secretKey());
    this.reads = new ClerkUserReads(requests);
    this.members = new ClerkMemberFetch(channel, requests);
    Duration window = options.batchWindow();
    this.batcher =
        timers == null || window == null || window.isZero()
            ? null
            : new ClerkUserBatcher(channel, reads, window, options.requestsPerSecond(), timers);
  }

  @Override
  public Provider provider() {
    return Provider.CLERK;
  }

  /**
   * {@code GET /v1/users/{id}}, or this id's share of a batched {@code GET
   * /v1/users?user_id=...}; a 404 (or an id missing from the batch answer) is empty.
   */
  @Override
  public Future<Optional<User>> fetchUser(String id) {
    return fetchUser(id, Lane.INTERACTIVE);
  }

  @Override
  public Future<Optional<User>> fetchUser(String id, Lane lane) {
    if (batcher != null) {
      return batcher.fetchUser(id, lane);
    }
    return channel.exchange(reads.one(id), ClerkUserReads.ONE, lane);
  }

  /** Users from {@code /v1/users?organization_id=} joined with roles from the memberships. */
  @Override
  public Future<List<Member>> fetchMembers(String orgId) {
    return fetchMembers(orgId, Lane.INTERACTIVE);
  }

  @Override
  public Future<List<Member>> fetchMembers(String orgId, Lane lane) {
    return members.fetch(orgId, lane);
  }

  /** One {@code GET /v1/users?user_id=...&limit=100}; fails on more than 100 ids. */
  @Override
  public Future<List<User>> fetchUsers(List<String> ids) {
    if (ids.isEmpty()) {
      return Future.succeededFuture(List.of());
    }
    if (ids.size() > MAX_IDS) {
      return Future.failedFuture(
          new IllegalArgumentException("at most " + MAX_IDS + " ids per Clerk lookup"));
    }
    return channel.exchange(reads.many(ids), ClerkUserReads.MANY);
  }

  /** Maps a bare array of Clerk users; an element that is not a valid user is MALFORMED. */
  static List<User> usersOf(JsonArray wire) {
    List<User> users = new ArrayList<>(wire.size());
    for (int i = 0; i < wire.size(); i++) {
      users.add(ClerkUserMapper.toUser(ClerkWire.element(wire, i, "user list")));
    }
    return users;
  }
}
