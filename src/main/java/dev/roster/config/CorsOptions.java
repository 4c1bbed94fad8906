package dev.roster.config;

import java.util.List;

/** Browser origins allowed to call an app; empty (nothing allowed) by default. */
public record CorsOptions(List<String> allowedOrigins) {
  public static final CorsOptions DEFAULTS = new CorsOptions(List.of());
}
