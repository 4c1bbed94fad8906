package dev.roster.http;

import dev.roster.auth.Caller;
import dev.roster.lookup.Answer;
import dev.roster.model.UserIds;
import io.vertx.core.Future;

/** {@code GET /{app}/v1/users/{id}}: one user, full shape. */
final class UserHandler {
  private final AppResolver apps;

  UserHandler(AppResolver apps) {
    this.apps = apps;
  }

  /** Answers for app {@code appName} and user {@code id}, both already percent-decoded. */
  void handle(AccessRecord record, String appName, String id) {
    record.route = "user";
    AppRuntime app = apps.resolve(record, appName);
    if (app == null) {
      return;
    }
    if (!UserIds.isValid(id)) {
      ErrorWriter.write(
          record.request.response(),
          ApiError.validation("The user id is malformed: expected user_<alphanumerics> or a UUID."));
      return;
    }
    Future<Caller> caller = apps.authenticate(record.request, app);
    Future<Answer> answer =
        caller.succeeded()
            ? app.directory().getUser(caller.result(), id)
            : caller.compose(c -> app.directory().getUser(c, id));
    AnswerWriter.writeWhenDone(record, answer, false);
  }
}
