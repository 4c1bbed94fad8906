package dev.roster.lookup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.roster.model.User;
import dev.roster.upstream.clerk.ClerkUserMapper;
import dev.roster.upstream.testing.Fixtures;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What replicas share of a user round-trips exactly, private metadata included. */
class UserCodecTest {

  @ParameterizedTest
  @ValueSource(strings = {"clerk/user-full.json", "clerk/user-edge-cases.json",
      "clerk/user-minimal.json"})
  void aUserSurvivesTheTripBetweenReplicas(String fixture) {
    User user = ClerkUserMapper.toUser(Fixtures.object(fixture));
    JsonObject wire = new JsonObject(UserCodec.encode(user).encode());
    assertThat(UserCodec.decode(wire)).isEqualTo(user);
  }

  @Test
  void sharedValuesOfTheRegionsRoundTripAndForeignBytesReadAsAbsent() {
    User user = ClerkUserMapper.toUser(Fixtures.object("clerk/user-full.json"));
    CachedUser cached = CachedUser.of(user);
    assertThat(SharedCodecs.USERS.decode(SharedCodecs.USERS.encode(cached)).user()).isEqualTo(user);
    assertThat(SharedCodecs.USERS.decode(SharedCodecs.USERS.encode(CachedUser.NOT_FOUND)).found())
        .isFalse();
    assertThat(SharedCodecs.USERS.decode("{\"v\":2,\"found\":true}".getBytes())).isNull();
    assertThat(SharedCodecs.USERS.decode("not json".getBytes())).isNull();
  }

  @Test
  void somethingThatIsNotAUserIsRefused() {
    assertThatThrownBy(() -> UserCodec.decode(new JsonObject().put("id", "user_1")))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
