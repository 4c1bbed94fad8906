package dev.roster.sim.fault;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RequestLogTest {
  private static RecordedRequest request(String path) {
    return new RecordedRequest("GET", path, Map.of("limit", List.of("5")),
        Map.of("authorization", List.of("Bearer x")), 0);
  }

  @Test
  void countsByPathAndFiltersByPrefix() {
    RequestLog log = new RequestLog();
    log.record(request("/v1/users"));
    log.record(request("/v1/users"));
    log.record(request("/v1/organizations/o/memberships"));

    assertThat(log.requestCount()).isEqualTo(3);
    assertThat(log.countsByPath()).containsEntry("/v1/users", 2L)
        .containsEntry("/v1/organizations/o/memberships", 1L);
    assertThat(log.requestsTo("/v1/org")).hasSize(1);
    assertThat(log.requests().get(0).header("Authorization")).isEqualTo("Bearer x");
    log.clear();
    assertThat(log.requestCount()).isZero();
    assertThat(log.countsByPath()).isEmpty();
  }
}
