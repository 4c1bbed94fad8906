package dev.roster.config;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Replaces {@code ${NAME}} with environment variable {@code NAME} in the file's text, before it
 * is parsed, so a variable may stand for any scalar (a port as well as a secret).
 *
 * <p>The text is scanned line by line with just enough YAML awareness to insert values safely:
 * comments are copied untouched; inside a double-quoted scalar the value is escaped; inside a
 * single-quoted scalar quotes are doubled; inside a block scalar ({@code key: |}) each line
 * break of the value is followed by the placeholder line's indentation, so a multi-line PEM
 * stays inside the scalar. A plain (unquoted) scalar takes the value as-is, which keeps numbers
 * numbers; a line break there or in a single-quoted scalar is refused rather than guessed at.
 * {@code $${} writes a literal {@code ${}.
 */
final class EnvInterpolator {
  private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
  private static final Pattern BLOCK_START =
      Pattern.compile("(?:^\\s*|[:?-]\\s+)[|>](?:[1-9][+-]?|[+-][1-9]?)?$");

  /**
   * The interpolated text. {@code sourceLines[i]} is the 1-based line of the original file that
   * produced output line {@code i + 1} (they differ once a multi-line value was inserted).
   */
  record Interpolated(String text, int[] sourceLines, Map<Integer, List<String>> variables) {
    /** The original line of the 1-based output line {@code line}. */
    int sourceLine(int line) {
      return line >= 1 && line <= sourceLines.length ? sourceLines[line - 1] : line;
    }

    /** The variables inserted on the 1-based original line {@code line}. */
    List<String> variablesOn(int line) {
      return variables.getOrDefault(line, List.of());
    }
  }

  private final Map<String, String> env;
  private final Map<Integer, List<String>> inserted = new HashMap<>();
  private boolean inDouble;
  private boolean inSingle;
  private int blockParentIndent = -1;
  private int lineNumber;

  private EnvInterpolator(Map<String, String> env) {
    this.env = env;
  }

  /** Interpolates {@code text}; throws {@link ConfigException} naming the line on a problem. */
  static Interpolated interpolate(String text, Map<String, String> env) {
    return new EnvInterpolator(env).run(text);
  }

  private Interpolated run(String text) {
    String[] lines = text.replace("\r\n", "\n").split("\n", -1);
    StringBuilder out = new StringBuilder(text.length());
    List<Integer> sourceLines = new ArrayList<>();
    for (int i = 0; i < lines.length; i++) {
      lineNumber = i + 1;
      String converted = convertLine(lines[i]);
      if (i > 0) {
        out.append('\n');
      }
      out.append(converted);
      converted.chars().filter(c -> c == '\n').forEach(c -> sourceLines.add(lineNumber));
      sourceLines.add(lineNumber);
    }
    int[] map = sourceLines.stream().mapToInt(Integer::intValue).toArray();
    return new Interpolated(out.toString(), map, Map.copyOf(inserted));
  }

  private String convertLine(String line) {
    int indent = leadingSpaces(line);
    if (blockParentIndent >= 0) {
      if (line.isBlank() || indent > blockParentIndent) {
        return substituteAll(line, line.substring(0, indent));
      }
      blockParentIndent = -1;
    }
    StringBuilder sb = new StringBuilder(line.length());
    int codeEnd = line.length();
    int i = 0;
    while (i < line.length()) {
      char c = line.charAt(i);
      if (inDouble) {
        if (c == '\\' && i + 1 < line.length()) {
          sb.append(c).append(line.charAt(i + 1));
          i += 2;
          continue;
        }
        inDouble = c != '"';
      } else if (inSingle) {
        if (c == '\'' && i + 1 < line.length() && line.charAt(i + 1) == '\'') {
          sb.append("''");
          i += 2;
          continue;
        }
        inSingle = c != '\'';
      } else if (c == '#' && (i == 0 || Character.isWhitespace(line.charAt(i - 1)))) {
        codeEnd = i;
        sb.append(line, i, line.length());
        break;
      } else if ((c == '"' || c == '\'') && opensQuote(line, i)) {
        inDouble = c == '"';
        inSingle = c == '\'';
        sb.append(c);
        i++;
        continue;
      }
      InsertionContext context =
          inDouble
              ? InsertionContext.DOUBLE_QUOTED
              : inSingle ? InsertionContext.SINGLE_QUOTED : InsertionContext.PLAIN;
      i = appendAt(line, i, sb, context, "");
    }
    String code = line.substring(0, codeEnd).stripTrailing();
    if (!inDouble && !inSingle && BLOCK_START.matcher(code).find()) {
      blockParentIndent = blockParent(code, indent);
    }
    return sb.toString();
  }

  private String substituteAll(String line, String indentation) {
    StringBuilder sb = new StringBuilder(line.length());
    int i = 0;
    while (i < line.length()) {
      i = appendAt(line, i, sb, InsertionContext.BLOCK, indentation);
    }
    return sb.toString();
  }

  /** Appends what starts at {@code i} (a placeholder or one character); returns the next index. */
  private int appendAt(
      String line, int i, StringBuilder sb, InsertionContext context, String indent) {
    if (line.startsWith("$${", i)) {
      sb.append("${");
      return i + 3;
    }
    if (!line.startsWith("${", i)) {
      sb.append(line.charAt(i));
      return i + 1;
    }
    int close = line.indexOf('}', i + 2);
    String name = close < 0 ? "" : line.substring(i + 2, close);
    if (!NAME.matcher(name).matches()) {
      throw new ConfigException(
          "line " + lineNumber + ": \"${\" must be followed by a variable name and \"}\""
              + " (write $${ for a literal ${)");
    }
    String value = env.get(name);
    if (value == null) {
      throw new ConfigException(
          "line " + lineNumber + ": environment variable " + name + " is not set");
    }
    inserted.computeIfAbsent(lineNumber, k -> new ArrayList<>()).add(name);
    String written = context.insert(value, indent);
    if (written == null) {
      throw new ConfigException(
          "line " + lineNumber + ": environment variable " + name + " contains a line break;"
              + " put ${" + name + "} in double quotes or alone on a line of a block scalar"
              + " (key: |)");
    }
    sb.append(written);
    return close + 1;
  }

  /** A quote opens a quoted scalar only where a value or key may begin. */
  private static boolean opensQuote(String line, int i) {
    int j = i - 1;
    while (j >= 0 && Character.isWhitespace(line.charAt(j))) {
      j--;
    }
    if (j < 0) {
      return true;
    }
    char p = line.charAt(j);
    boolean spaced = j < i - 1;
    return p == '[' || p == '{' || p == ',' || (spaced && (p == ':' || p == '-' || p == '?'));
  }

  /**
   * The indentation the block scalar's lines must exceed: the column of the key that owns it, or
   * of the {@code -} when the scalar is a sequence entry itself.
   */
  private static int blockParent(String code, int indent) {
    int column = indent;
    int dash = -1;
    while (column < code.length() && code.charAt(column) == '-'
        && (column + 1 == code.length() || code.charAt(column + 1) == ' ')) {
      dash = column;
      column++;
      while (column < code.length() && code.charAt(column) == ' ') {
        column++;
      }
    }
    boolean scalarIsEntry =
        column < code.length() && (code.charAt(column) == '|' || code.charAt(column) == '>');
    return scalarIsEntry && dash >= 0 ? dash : column;
  }

  private static int leadingSpaces(String line) {
    int n = 0;
    while (n < line.length() && line.charAt(n) == ' ') {
      n++;
    }
    return n;
  }
}
