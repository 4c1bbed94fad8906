package dev.roster.widget;

import io.vertx.core.json.JsonObject;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** What the widget is expected to show for a summary user (SPEC §2.2), written independently. */
final class WidgetText {
  private WidgetText() {}

  /** First and last name; else the email; else the id. */
  static String name(JsonObject member) {
    String name =
        Stream.of(member.getString("firstName"), member.getString("lastName"))
            .filter(part -> part != null && !part.isBlank())
            .map(String::trim)
            .collect(Collectors.joining(" "));
    if (!name.isEmpty()) {
      return name;
    }
    String email = member.getString("email");
    return email != null && !email.isBlank() ? email.trim() : member.getString("id");
  }
}
