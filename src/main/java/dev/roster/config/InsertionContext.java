package dev.roster.config;

/**
 * Where a {@code ${NAME}} placeholder sits in the YAML text, and so how the variable's value must
 * be written there to read back as exactly that value.
 */
enum InsertionContext {
  /** An unquoted scalar: the value goes in as-is (a port stays a number); one line only. */
  PLAIN {
    @Override
    String insert(String value, String indent) {
      return hasLineBreak(value) ? null : value;
    }
  },
  /** Inside {@code "..."}: backslashes, quotes and control characters are escaped. */
  DOUBLE_QUOTED {
    @Override
    String insert(String value, String indent) {
      StringBuilder sb = new StringBuilder(value.length() + 8);
      for (int i = 0; i < value.length(); i++) {
        char c = value.charAt(i);
        switch (c) {
          case '\\' -> sb.append("\\\\");
          case '"' -> sb.append("\\\"");
          case '\n' -> sb.append("\\n");
          case '\r' -> sb.append("\\r");
          case '\t' -> sb.append("\\t");
          default -> {
            if (c < 0x20 || c == 0x7f) {
              sb.append(String.format("\\x%02x", (int) c));
            } else {
              sb.append(c);
            }
          }
        }
      }
      return sb.toString();
    }
  },
  /** Inside {@code '...'}: quotes are doubled; a line break cannot be written, so one line. */
  SINGLE_QUOTED {
    @Override
    String insert(String value, String indent) {
      return hasLineBreak(value) ? null : value.replace("'", "''");
    }
  },
  /**
   * A line of a block scalar ({@code key: |}): every line break of the value is followed by the
   * placeholder line's indentation, so all its lines stay inside the scalar. Trailing line breaks
   * are dropped; the scalar's chomping indicator decides the ending.
   */
  BLOCK {
    @Override
    String insert(String value, String indent) {
      String lines = value.replace("\r\n", "\n").replace('\r', '\n').replaceAll("\n+$", "");
      return lines.replace("\n", "\n" + indent);
    }
  };

  /** The text to write in place of the placeholder, or null when the value cannot go here. */
  abstract String insert(String value, String indent);

  private static boolean hasLineBreak(String value) {
    return value.indexOf('\n') >= 0 || value.indexOf('\r') >= 0;
  }
}
