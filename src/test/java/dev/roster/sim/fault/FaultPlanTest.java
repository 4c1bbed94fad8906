package dev.roster.sim.fault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

class FaultPlanTest {
  private final FaultPlan plan = new FaultPlan();

  @Test
  void countedFaultAppliesToTheNextNRequestsOnly() {
    plan.add(Fault.status(503).times(2));

    assertThat(plan.take("/v1/users").fault()).isEqualTo(Fault.status(503).times(2));
    assertThat(plan.take("/v1/users").fault()).isNotNull();
    assertThat(plan.take("/v1/users").fault()).isNull();
    assertThat(plan.active()).isEmpty();
  }

  @Test
  void pathPrefixLimitsWhereAFaultApplies() {
    plan.add(Fault.reset().onPath("/v1/organizations").times(1));

    assertThat(plan.take("/v1/users").fault()).isNull();
    assertThat(plan.take("/v1/organizations/org_1/memberships").fault().kind())
        .isEqualTo(FaultKind.RESET);
    assertThat(plan.take("/v1/organizations/org_1/memberships").fault()).isNull();
  }

  @Test
  void latenciesAddUpAndCombineWithTheFirstOtherFault() {
    plan.add(Fault.latency(100)).add(Fault.latency(50).times(1))
        .add(Fault.rateLimit(3).times(1)).add(Fault.hang().times(1));

    FaultPlan.Decision first = plan.take("/x");
    assertThat(first.delayMillis()).isEqualTo(150);
    assertThat(first.fault().kind()).isEqualTo(FaultKind.RATE_LIMIT);
    FaultPlan.Decision second = plan.take("/x");
    assertThat(second.delayMillis()).isEqualTo(100);
    assertThat(second.fault().kind()).isEqualTo(FaultKind.HANG);
    assertThat(plan.take("/x").fault()).isNull();
  }

  @Test
  void untilClearedFaultStaysUntilCleared() {
    plan.add(Fault.malformed());
    for (int i = 0; i < 5; i++) {
      assertThat(plan.take("/any").fault().kind()).isEqualTo(FaultKind.MALFORMED);
    }
    plan.clear();
    assertThat(plan.take("/any").fault()).isNull();
  }

  @Test
  void readsTheAdminJsonForm() {
    Fault fault = Fault.fromJson(new JsonObject("{\"kind\":\"status\",\"status\":502,"
        + "\"count\":3,\"pathPrefix\":\"/v1/users\"}"));

    assertThat(fault).isEqualTo(Fault.status(502).times(3).onPath("/v1/users"));
    assertThat(Fault.fromJson(new JsonObject("{\"kind\":\"drip\"}")).millis())
        .isEqualTo(Fault.DEFAULT_DRIP_MILLIS);
    assertThat(Fault.fromJson(fault.toJson())).isEqualTo(fault);
    assertThatThrownBy(() -> Fault.fromJson(new JsonObject("{\"kind\":\"explode\"}")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Fault.fromJson(new JsonObject("{\"kind\":\"hang\",\"count\":0}")))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
