package dev.roster.http;

import dev.roster.model.UserIds;

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
    apps.authenticate(record.request, app)
        .compose(caller -> app.directory().getUser(caller, id))
        .onComplete(
            (answer, failure) -> {
              if (failure != null) {
                ErrorWriter.write(record.request.response(), failure, record.requestId.toString());
              } else {
                AnswerWriter.write(record, answer, false);
              }
            });
  }
}
