package dev.roster.webhook;

import dev.roster.lookup.DirectoryChanges;
import dev.roster.model.User;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A {@link DirectoryChanges} that records each call as a line such as {@code deleted user_1}. */
class RecordingDirectoryChanges implements DirectoryChanges {
  final List<String> calls = new CopyOnWriteArrayList<>();
  final List<User> upserted = new CopyOnWriteArrayList<>();

  @Override
  public void userUpserted(User user) {
    upserted.add(user);
    calls.add("upserted " + user.id());
  }

  @Override
  public void userDeleted(String userId) {
    calls.add("deleted " + userId);
  }

  @Override
  public void membersChanged(String orgId) {
    calls.add("membersChanged " + orgId);
  }

  @Override
  public void clear() {
    calls.add("clear");
  }
}
