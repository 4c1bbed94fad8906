package dev.roster.upstream.clerk;

import dev.roster.model.User;
import dev.roster.upstream.ResponseDecoder;
import dev.roster.upstream.UpstreamRequest;
import dev.roster.upstream.UpstreamResponse;
import java.util.List;
import java.util.Optional;

/**
 * Clerk's reads of users by id: one ({@code GET /v1/users/{id}}, a 404 is "no such user") or up
 * to {@value ClerkClient#MAX_IDS} ({@code GET /v1/users?user_id=...&limit=100}, a bare array
 * of the users that exist).
 */
final class ClerkUserReads {
  static final ResponseDecoder<Optional<User>> ONE =
      ClerkWire.JSON.decoder(
          "GET /v1/users/{id}",
          r -> Optional.of(ClerkUserMapper.toUser(ClerkWire.JSON.object(r, "user"))),
          Optional::empty);
  static final ResponseDecoder<List<User>> MANY =
      ClerkWire.JSON.decoder(
          "GET /v1/users?user_id",
          r -> ClerkClient.usersOf(ClerkWire.JSON.array(r, "user list")),
          List::of);

  private final ClerkRequests requests;

  ClerkUserReads(ClerkRequests requests) {
    this.requests = requests;
  }

  UpstreamRequest one(String id) {
    return requests.get("/v1/users/" + ClerkRequests.encode(id));
  }

  /** {@code ids}: 1 to {@value ClerkClient#MAX_IDS}, each once. */
  UpstreamRequest many(List<String> ids) {
    StringBuilder path = new StringBuilder("/v1/users?");
    for (String id : ids) {
      path.append("user_id=").append(ClerkRequests.encode(id)).append('&');
    }
    path.append("limit=").append(ClerkClient.MAX_IDS);
    return requests.get(path.toString());
  }

  /** The read of {@code ids}: the single-user one for one id, else the multi-id one. */
  UpstreamRequest request(List<String> ids) {
    return ids.size() == 1 ? one(ids.get(0)) : many(ids);
  }

  /** Decodes the answer to {@link #request(List)} as the users found among {@code ids}. */
  List<User> decode(List<String> ids, UpstreamResponse response) {
    return ids.size() == 1
        ? ONE.decode(response).map(List::of).orElse(List.of())
        : MANY.decode(response);
  }
}
