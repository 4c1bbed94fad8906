package dev.roster.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.roster.config.CorsOptions;
import java.util.List;
import org.junit.jupiter.api.Test;

class CorsPolicyTest {
  private final CorsPolicy lance =
      new CorsPolicy(List.of("https://app.lance.example", "http://localhost:3000/"));

  @Test
  void allowsAListedOriginAndEchoesItAsSent() {
    assertThat(lance.allowOrigin("https://app.lance.example"))
        .isEqualTo("https://app.lance.example");
    assertThat(lance.allowOrigin("HTTPS://APP.Lance.example"))
        .isEqualTo("HTTPS://APP.Lance.example");
    assertThat(lance.allowOrigin("http://localhost:3000")).isEqualTo("http://localhost:3000");
  }

  @Test
  void matchesSchemeHostAndPortExactly() {
    assertThat(lance.allowOrigin("http://app.lance.example")).isNull();
    assertThat(lance.allowOrigin("https://app.lance.example:8443")).isNull();
    assertThat(lance.allowOrigin("https://evil.app.lance.example")).isNull();
    assertThat(lance.allowOrigin("https://app.lance.example.evil")).isNull();
    assertThat(lance.allowOrigin("http://localhost:3001")).isNull();
    assertThat(lance.allowOrigin("null")).isNull();
    assertThat(lance.allowOrigin("")).isNull();
    assertThat(lance.allowOrigin(null)).isNull();
  }

  @Test
  void wildcardAllowsAnyOriginAsStar() {
    CorsPolicy any = new CorsPolicy(List.of("*"));
    assertThat(any.allowOrigin("https://anything.example")).isEqualTo("*");
    assertThat(any.allowOrigin("null")).isEqualTo("*");
    assertThat(any.allowOrigin(null)).isNull();
  }

  @Test
  void allowsNothingByDefault() {
    assertThat(CorsPolicy.NONE.allowOrigin("https://app.lance.example")).isNull();
    assertThat(CorsPolicy.of(CorsOptions.DEFAULTS).allowOrigin("http://localhost:3000")).isNull();
    assertThat(CorsPolicy.of(null).allowOrigin("http://localhost:3000")).isNull();
  }

  @Test
  void allowsOnlyReadMethods() {
    assertThat(lance.allowsMethod("GET")).isTrue();
    assertThat(lance.allowsMethod("HEAD")).isTrue();
    assertThat(lance.allowsMethod("POST")).isFalse();
    assertThat(lance.allowsMethod("DELETE")).isFalse();
  }

  @Test
  void allowsOnlyTheKnownRequestHeaders() {
    assertThat(lance.allowHeaders("Authorization, If-None-Match"))
        .isEqualTo("authorization, if-none-match");
    assertThat(lance.allowHeaders("authorization,x-custom,x-request-id,content-type"))
        .isEqualTo("authorization, x-request-id, content-type");
    assertThat(lance.allowHeaders("x-custom")).isNull();
    assertThat(lance.allowHeaders(null)).isNull();
  }

  @Test
  void refusesEntriesThatAreNotOrigins() {
    assertThatThrownBy(() -> new CorsPolicy(List.of("https://app.lance.example/widgets")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not an origin");
    assertThatThrownBy(() -> new CorsPolicy(List.of("app.lance.example")))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
