package dev.roster.lookup;

import static dev.roster.lookup.DirectoryFixture.await;
import static dev.roster.lookup.DirectoryFixture.failureOf;
import static dev.roster.lookup.DirectoryFixture.lexfulMember;
import static dev.roster.lookup.DirectoryFixture.uuid;
import static org.assertj.core.api.Assertions.assertThat;

import dev.roster.model.Provider;
import dev.roster.upstream.testing.FakeResponse;
import io.vertx.core.http.HttpMethod;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * One caller reading ids nobody else reads cannot spend the upstream budget: its cache misses
 * get a share (here 25% of 8 requests per second: 2 a second, 4 at once), hits stay free, and
 * other callers' cold reads still reach the upstream.
 */
class MissShareTest {
  private static final String BUDGET = "requestsPerSecond: 8";

  @Test
  void oneCallersMissesAreCappedWhileOthersColdReadsAndItsOwnHitsGoOn() {
    try (DirectoryFixture f = new DirectoryFixture("", BUDGET, Provider.LEXFUL)) {
      f.lexful.on(HttpMethod.GET, "/v1/users/" + uuid(100),
          FakeResponse.json(200, DirectoryFixture.lexfulUser(uuid(100))));
      f.lexful.on(HttpMethod.GET, "/v1/users/" + uuid(200),
          FakeResponse.json(200, DirectoryFixture.lexfulUser(uuid(200))));
      String attacker = uuid(999);

      // The attacker's first read is a real member; then it reads random ids (404s).
      await(f.directory.getUser(lexfulMember(attacker), uuid(100)));
      int refused = 0;
      for (int i = 1; i <= 40; i++) {
        Throwable failure = failureOf(f.directory.getUser(lexfulMember(attacker), uuid(i)));
        if (failure instanceof MissShareExceeded) {
          refused++;
        }
      }
      int attackerFetches = f.lexful.requests("/v1/users/.*").size();

      // A burst of 4: the member read and 3 random ids; the other 37 are refused unasked.
      assertThat(attackerFetches).isEqualTo(4);
      assertThat(refused).isEqualTo(37);
      // Its hit is free; another caller's cold read still goes out.
      await(f.directory.getUser(lexfulMember(attacker), uuid(100)));
      await(f.directory.getUser(lexfulMember(uuid(998)), uuid(200)));
      assertThat(f.lexful.requests("/v1/users/" + uuid(200))).hasSize(1);

      f.time.advance(Duration.ofSeconds(1));
      failureOf(f.directory.getUser(lexfulMember(attacker), uuid(77)));
      assertThat(f.lexful.requests("/v1/users/" + uuid(77))).hasSize(1);
    }
  }

  @Test
  void theShareIsAQuarterOfTheSmallestUpstreamBudget() {
    try (DirectoryFixture f = new DirectoryFixture("", BUDGET, Provider.LEXFUL)) {
      String attacker = uuid(999);
      for (int i = 1; i <= 20; i++) {
        failureOf(f.directory.getUser(lexfulMember(attacker), uuid(i)));
      }

      // 8 rps: 2 a second, a burst of 4.
      assertThat(f.lexful.requests("/v1/users/.*")).hasSize(4);
    }
  }
}
