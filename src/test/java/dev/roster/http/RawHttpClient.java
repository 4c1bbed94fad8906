package dev.roster.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A client that writes exact bytes on a loopback socket and reads everything the server sends
 * until it closes the connection, for attacks a well-behaved HTTP client cannot express
 * (conflicting framing headers, trickled bytes, odd versions).
 */
public final class RawHttpClient implements AutoCloseable {
  private static final Pattern STATUS_LINE = Pattern.compile("HTTP/1\\.[01] (\\d{3}) ");
  /** How long a read may wait before the connection counts as left open. */
  private static final int READ_TIMEOUT_MILLIS = 15_000;

  private final Socket socket;
  private final ByteArrayOutputStream received = new ByteArrayOutputStream();
  private boolean closedByServer;

  public RawHttpClient(int port) throws IOException {
    socket = new Socket("127.0.0.1", port);
    socket.setSoTimeout(READ_TIMEOUT_MILLIS);
    socket.setTcpNoDelay(true);
  }

  /** Writes and flushes {@code text} (ISO-8859-1, as HTTP/1 heads are). */
  public RawHttpClient send(String text) throws IOException {
    OutputStream out = socket.getOutputStream();
    out.write(text.getBytes(StandardCharsets.ISO_8859_1));
    out.flush();
    return this;
  }

  /**
   * Reads until the server closes the connection or nothing arrives for the read timeout;
   * returns everything received so far.
   */
  public String readUntilClosed() throws IOException {
    InputStream in = socket.getInputStream();
    byte[] chunk = new byte[8192];
    try {
      int n;
      while ((n = in.read(chunk)) >= 0) {
        received.write(chunk, 0, n);
      }
      closedByServer = true;
    } catch (SocketTimeoutException e) {
      closedByServer = false;
    } catch (IOException e) {
      // A reset after the answer is also the server closing the connection.
      closedByServer = true;
    }
    return text();
  }

  /** Reads until at least {@code count} status lines have arrived (or the connection ends). */
  public String readResponses(int count) throws IOException {
    InputStream in = socket.getInputStream();
    byte[] chunk = new byte[8192];
    try {
      while (statusCodes().length < count) {
        int n = in.read(chunk);
        if (n < 0) {
          closedByServer = true;
          break;
        }
        received.write(chunk, 0, n);
      }
    } catch (SocketTimeoutException e) {
      // Fewer answers than expected: the caller's assertion shows what did arrive.
    }
    return text();
  }

  /**
   * Waits for the next bytes (or the end of the connection, or the read timeout) and returns
   * everything received so far.
   */
  public String readMore() throws IOException {
    byte[] chunk = new byte[8192];
    try {
      int n = socket.getInputStream().read(chunk);
      if (n < 0) {
        closedByServer = true;
      } else {
        received.write(chunk, 0, n);
      }
    } catch (SocketTimeoutException e) {
      // Nothing more: the caller's assertion shows what did arrive.
    }
    return text();
  }

  /** Whether the server closed the connection during the last {@link #readUntilClosed}. */
  public boolean closedByServer() {
    return closedByServer;
  }

  public String text() {
    return received.toString(StandardCharsets.ISO_8859_1);
  }

  /** The status codes of every response received, in order. */
  public int[] statusCodes() {
    Matcher m = STATUS_LINE.matcher(text());
    return m.results().mapToInt(r -> Integer.parseInt(r.group(1))).toArray();
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
