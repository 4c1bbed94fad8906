package dev.roster.upstream;

import dev.roster.model.Member;
import dev.roster.model.Provider;
import dev.roster.model.User;
import io.vertx.core.Future;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A {@link DirectoryClient} decorator that does not trust the upstream's ids: an answer to a
 * lookup of user A that carries user B, or a batch answer naming a user that was not asked for,
 * is a {@link FailureKind#MALFORMED} failure, so it is neither cached nor served (a stale copy or
 * a 503 answers instead). One place for every vendor, above their wire mappers.
 */
public final class IdCheckedClient implements DirectoryClient {
  private final DirectoryClient delegate;

  private IdCheckedClient(DirectoryClient delegate) {
    this.delegate = delegate;
  }

  /** {@code client}, checked (once: a checked client is returned as it is). */
  public static DirectoryClient wrap(DirectoryClient client) {
    return client instanceof IdCheckedClient ? client : new IdCheckedClient(client);
  }

  @Override
  public Provider provider() {
    return delegate.provider();
  }

  @Override
  public Future<Optional<User>> fetchUser(String id) {
    return checked(id, delegate.fetchUser(id));
  }

  @Override
  public Future<Optional<User>> fetchUser(String id, Lane lane) {
    return checked(id, delegate.fetchUser(id, lane));
  }

  private Future<Optional<User>> checked(String id, Future<Optional<User>> fetched) {
    return fetched.compose(
        found ->
            found.isPresent() && !id.equals(found.get().id())
                ? Future.failedFuture(mismatch("GET /v1/users/{id}"))
                : Future.succeededFuture(found));
  }

  @Override
  public Future<List<Member>> fetchMembers(String orgId) {
    return delegate.fetchMembers(orgId);
  }

  @Override
  public Future<List<Member>> fetchMembers(String orgId, Lane lane) {
    return delegate.fetchMembers(orgId, lane);
  }

  @Override
  public Future<List<User>> fetchUsers(List<String> ids) {
    Set<String> asked = new HashSet<>(ids);
    return delegate
        .fetchUsers(ids)
        .compose(
            found -> {
              for (User user : found) {
                if (!asked.contains(user.id())) {
                  return Future.failedFuture(mismatch("the user lookup by ids"));
                }
              }
              return Future.succeededFuture(found);
            });
  }

  @Override
  public boolean userShowsMembership() {
    return delegate.userShowsMembership();
  }

  @Override
  public boolean isMember(User user, String orgId) {
    return delegate.isMember(user, orgId);
  }

  private UpstreamFailure mismatch(String call) {
    return new UpstreamFailure(
        FailureKind.MALFORMED,
        delegate.provider().wireName() + " answered " + call + " with a user that was not asked for");
  }
}
