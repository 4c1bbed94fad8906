package dev.roster.http;

import dev.roster.auth.Caller;
import dev.roster.lookup.Answer;
import dev.roster.model.UserIds;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code GET /{app}/v1/users}: the caller's organisation's members, a page of them
 * ({@code limit}, {@code offset}), or those among {@code ids} (in the order asked).
 */
final class MembersHandler {
  static final int MAX_IDS = 100;
  static final int MAX_LIMIT = 1000;

  private final AppResolver apps;

  MembersHandler(AppResolver apps) {
    this.apps = apps;
  }

  /** Answers for app {@code appName} (already percent-decoded). */
  void handle(AccessRecord record, String appName) {
    record.route = "users";
    AppRuntime app = apps.resolve(record, appName);
    if (app == null) {
      return;
    }
    Query query;
    try {
      // No query string (a widget polling the whole list): no parameters to decode.
      String raw = record.request.query();
      Query paging = raw == null ? Query.ALL : Query.paging(raw);
      query = paging != null ? paging : Query.parse(record.request.params(true));
    } catch (ApiError error) {
      ErrorWriter.write(record.request.response(), error);
      return;
    }
    Future<Caller> caller = apps.authenticate(record.request, app);
    Future<Answer> answer =
        caller.succeeded()
            ? answer(app, caller.result(), query)
            : caller.compose(c -> answer(app, c, query));
    AnswerWriter.writeWhenDone(record, answer, true);
  }

  private static Future<Answer> answer(AppRuntime app, Caller caller, Query query) {
    if (!caller.hasOrg()) {
      return Future.failedFuture(
          ApiError.validation("User Org Id missing: the token names no organisation."));
    }
    if (query.ids != null) {
      return app.directory().findMembers(caller, query.ids);
    }
    return app.directory().listMembers(caller, query.offset, query.limit);
  }

  /** The validated query: ids (null when absent), offset, limit (null: all). */
  record Query(List<String> ids, int offset, Integer limit) {
    static final Query ALL = new Query(null, 0, null);

    /**
     * The common query of a paging widget, {@code limit=N}, {@code offset=N} or both, read
     * without decoding the query into a map; null for anything else (then {@link #parse}).
     */
    static Query paging(String raw) {
      int limit = -1;
      int offset = -1;
      int at = 0;
      while (at < raw.length()) {
        int end = raw.indexOf('&', at);
        end = end < 0 ? raw.length() : end;
        boolean isLimit = raw.startsWith("limit=", at);
        if (!isLimit && !raw.startsWith("offset=", at)) {
          return null;
        }
        int from = at + (isLimit ? 6 : 7);
        if (end - from < 1 || end - from > 9 || (isLimit ? limit : offset) >= 0) {
          return null;
        }
        int value = 0;
        for (int i = from; i < end; i++) {
          char c = raw.charAt(i);
          if (c < '0' || c > '9') {
            return null;
          }
          value = value * 10 + (c - '0');
        }
        if (isLimit) {
          if (value < 1 || value > MAX_LIMIT) {
            return null;
          }
          limit = value;
        } else {
          offset = value;
        }
        at = end + 1;
      }
      return new Query(null, Math.max(offset, 0), limit < 0 ? null : limit);
    }

    static Query parse(MultiMap params) {
      Integer limit = number(params, "limit", 1, MAX_LIMIT);
      Integer offset = number(params, "offset", 0, Integer.MAX_VALUE);
      List<String> ids = null;
      if (params.contains("ids")) {
        ids = ids(single(params, "ids"));
      }
      return new Query(ids, offset == null ? 0 : offset, limit);
    }

    private static List<String> ids(String raw) {
      if (raw.isEmpty()) {
        throw ApiError.validation("ids must list at least one user id.");
      }
      String[] parts = raw.split(",", -1);
      if (parts.length > MAX_IDS) {
        throw ApiError.validation("ids may list at most " + MAX_IDS + " user ids.");
      }
      Set<String> unique = new LinkedHashSet<>();
      for (String id : parts) {
        if (!UserIds.isValid(id)) {
          throw ApiError.validation(
              "ids contains a malformed user id: expected user_<alphanumerics> or a UUID.");
        }
        unique.add(id);
      }
      return new ArrayList<>(unique);
    }

    private static Integer number(MultiMap params, String name, int min, int max) {
      if (!params.contains(name)) {
        return null;
      }
      String raw = single(params, name);
      if (raw.isEmpty() || raw.length() > 10 || !raw.chars().allMatch(c -> c >= '0' && c <= '9')) {
        throw ApiError.validation(name + " must be a whole number from " + min + " to " + max + ".");
      }
      long value = Long.parseLong(raw);
      if (value < min || value > max) {
        throw ApiError.validation(name + " must be a whole number from " + min + " to " + max + ".");
      }
      return (int) value;
    }

    private static String single(MultiMap params, String name) {
      List<String> all = params.getAll(name);
      if (all.size() > 1) {
        throw ApiError.validation(name + " may be given only once.");
      }
      return all.get(0);
    }
  }
}
