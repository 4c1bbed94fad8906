package dev.roster.http;

import dev.roster.model.UserIds;
import io.vertx.ext.web.RoutingContext;

/** {@code GET /{app}/v1/users/{id}}: one user, full shape. */
final class UserHandler {
  private final AppResolver apps;

  UserHandler(AppResolver apps) {
    this.apps = apps;
  }

  /** Answers for app {@code appName} and user {@code id}, both already percent-decoded. */
  void handle(RoutingContext ctx, String appName, String id) {
    ctx.put(AccessLogHandler.ROUTE_KEY, "user");
    AppRuntime app = apps.resolve(ctx, appName);
    if (app == null) {
      return;
    }
    if (!UserIds.isValid(id)) {
      ErrorWriter.write(
          ctx.response(),
          ApiError.validation("The user id is malformed: expected user_<alphanumerics> or a UUID."));
      return;
    }
    apps.authenticate(ctx, app)
        .compose(caller -> app.directory().getUser(caller, id))
        .onComplete(
            (answer, failure) -> {
              if (failure != null) {
                ErrorWriter.write(ctx.response(), failure, RequestIds.of(ctx));
              } else {
                AnswerWriter.write(ctx, answer, false);
              }
            });
  }
}
