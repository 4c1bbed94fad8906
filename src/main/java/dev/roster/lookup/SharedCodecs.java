package dev.roster.lookup;

import dev.roster.cache.SharedTier;
import dev.roster.model.Member;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;

/**
 * How the user and member-list regions' values cross replicas through the shared level: Roster's
 * own versioned JSON ({@link UserCodec}), not the Lance-shaped views, which each replica
 * rebuilds. A "not found" user is {@code {"v":1,"found":false}}. Bytes of another version
 * decode to null (treated as absent), so replicas of two releases never read each other's.
 */
final class SharedCodecs {
  private static final int VERSION = 1;

  private SharedCodecs() {}

  static final SharedTier.Codec<CachedUser> USERS = new SharedTier.Codec<>() {
    @Override
    public byte[] encode(CachedUser value) {
      JsonObject json = new JsonObject().put("v", VERSION).put("found", value.found());
      if (value.found()) {
        json.put("user", UserCodec.encode(value.user()));
      }
      return json.toBuffer().getBytes();
    }

    @Override
    public CachedUser decode(byte[] bytes) {
      JsonObject json = object(bytes);
      if (json == null) {
        return null;
      }
      if (!json.getBoolean("found", false)) {
        return CachedUser.NOT_FOUND;
      }
      return CachedUser.of(UserCodec.decode(json.getJsonObject("user")));
    }

    @Override
    public CachedUser absent() {
      return CachedUser.NOT_FOUND;
    }
  };

  static final SharedTier.Codec<MemberList> LISTS = new SharedTier.Codec<>() {
    @Override
    public byte[] encode(MemberList value) {
      JsonArray members = new JsonArray();
      for (Member m : value.members()) {
        members.add(new JsonObject().put("user", UserCodec.encode(m.user())).put("role", m.role()));
      }
      return new JsonObject().put("v", VERSION).put("orgId", value.orgId())
          .put("members", members).toBuffer().getBytes();
    }

    @Override
    public MemberList decode(byte[] bytes) {
      JsonObject json = object(bytes);
      if (json == null) {
        return null;
      }
      String orgId = json.getString("orgId");
      JsonArray members = json.getJsonArray("members");
      List<Member> list = new ArrayList<>(members.size());
      for (int i = 0; i < members.size(); i++) {
        JsonObject m = members.getJsonObject(i);
        list.add(new Member(UserCodec.decode(m.getJsonObject("user")), orgId, m.getString("role")));
      }
      return MemberList.of(orgId, list);
    }
  };

  private static JsonObject object(byte[] bytes) {
    try {
      JsonObject json = new JsonObject(Buffer.buffer(bytes));
      return json.getInteger("v", 0) == VERSION ? json : null;
    } catch (RuntimeException notOurs) {
      return null;
    }
  }
}
