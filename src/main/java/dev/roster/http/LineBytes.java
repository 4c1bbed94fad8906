package dev.roster.http;

import io.netty.util.AsciiString;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A reusable byte buffer that access-log lines are formatted straight into: ASCII text (every
 * field of a line is ASCII, see {@link AccessLogLine}) and decimal numbers, with no intermediate
 * string. Used by one thread at a time.
 */
final class LineBytes {
  private byte[] bytes;
  private int size;

  LineBytes(int capacity) {
    bytes = new byte[capacity];
  }

  void clear() {
    size = 0;
  }

  LineBytes append(char c) {
    room(1);
    bytes[size++] = (byte) c;
    return this;
  }

  /**
   * Appends ASCII text. Every field of a line is ASCII by construction (see {@link
   * AccessLogLine}); a character beyond it would not be kept as it was.
   */
  LineBytes append(CharSequence text) {
    return append(text, 0, text.length());
  }

  @SuppressWarnings("deprecation") // String.getBytes(int, int, byte[], int): ASCII only, no copy
  LineBytes append(CharSequence text, int from, int to) {
    int n = to - from;
    room(n);
    if (text instanceof AsciiString ascii) {
      System.arraycopy(ascii.array(), ascii.arrayOffset() + from, bytes, size, n);
    } else if (text instanceof String string) {
      // The low byte of each character: exact for ASCII, which every field is.
      string.getBytes(from, to, bytes, size);
    } else {
      for (int i = 0; i < n; i++) {
        char c = text.charAt(from + i);
        bytes[size + i] = (byte) c;
      }
    }
    size += n;
    return this;
  }

  LineBytes append(long number) {
    if (number < 0) {
      append('-');
      if (number == Long.MIN_VALUE) {
        return append("9223372036854775808");
      }
      number = -number;
    }
    room(20);
    int digits = 1;
    for (long rest = number / 10; rest > 0; rest /= 10) {
      digits++;
    }
    for (int i = size + digits - 1; i >= size; i--) {
      bytes[i] = (byte) ('0' + number % 10);
      number /= 10;
    }
    size += digits;
    return this;
  }

  /** Appends any text, in UTF-8, then a newline. */
  LineBytes appendLine(String text) {
    byte[] encoded = text.getBytes(StandardCharsets.UTF_8);
    room(encoded.length + 1);
    System.arraycopy(encoded, 0, bytes, size, encoded.length);
    size += encoded.length;
    bytes[size++] = '\n';
    return this;
  }

  void writeTo(OutputStream out) throws IOException {
    out.write(bytes, 0, size);
  }

  int size() {
    return size;
  }

  private void room(int more) {
    if (size + more > bytes.length) {
      bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + more));
    }
  }
}
