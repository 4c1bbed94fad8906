package dev.roster.load;

import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The baselines of the hit-path benchmark: a bare Vert.x HTTP server answering every request
 * with bytes captured from Roster, held in memory. No router, no authentication, no cache
 * lookup, no access log: what is left is the cost of Vert.x and Netty themselves.
 *
 * <p>Two modes. {@code --mode plain}: the same body with only {@code Content-Type} (and the
 * {@code Content-Length} Vert.x adds); a 304, with no header, when {@code If-None-Match} names
 * the answer's ETag. {@code --mode headers}: the same body with every header Roster sent (as
 * captured by {@code curl -D}), a fresh {@code X-Request-Id} per request as Roster makes, and
 * Roster's own 304 headers.
 *
 * <p>Listens like Roster: one server per event loop sharing the port, TCP_NODELAY on. Usage:
 * {@code BareServer --mode plain|headers PORT=DIR [PORT=DIR...]}, where {@code DIR} holds
 * {@code body} (the bytes), {@code headers} (Roster's 200 header block) and optionally {@code
 * headers304} (Roster's 304 header block).
 */
public final class BareServer {
  private static final CharSequence REQUEST_ID = HttpHeaders.createOptimized("X-Request-Id");

  private BareServer() {}

  public static void main(String[] args) throws IOException {
    int instances = Runtime.getRuntime().availableProcessors();
    boolean withHeaders = false;
    List<Object[]> ports = new ArrayList<>();
    for (int i = 0; i < args.length; i++) {
      if (args[i].equals("--mode")) {
        withHeaders = args[++i].equals("headers");
      } else if (args[i].equals("--instances")) {
        instances = Integer.parseInt(args[++i]);
      } else {
        String[] portAndDir = args[i].split("=", 2);
        ports.add(new Object[] {Integer.parseInt(portAndDir[0]), Path.of(portAndDir[1])});
      }
    }
    Vertx vertx = Vertx.vertx();
    List<Future<HttpServer>> all = new ArrayList<>();
    for (Object[] port : ports) {
      Payload payload = Payload.read((Path) port[1], withHeaders);
      for (int i = 0; i < instances; i++) {
        all.add(listen(vertx, (Integer) port[0], payload, withHeaders));
      }
    }
    String mode = withHeaders ? "headers" : "plain";
    Future.all(all)
        .onSuccess(ok -> ports.forEach(p -> System.out.println("bare " + mode + ": " + p[0])))
        .onFailure(
            failure -> {
              System.err.println("bare: failed to start: " + failure.getMessage());
              System.exit(1);
            });
  }

  private static Future<HttpServer> listen(
      Vertx vertx, int port, Payload payload, boolean withHeaders) {
    HttpServerOptions options =
        new HttpServerOptions()
            .setHost("127.0.0.1")
            .setPort(port)
            .setTcpNoDelay(true)
            .setIdleTimeout(60);
    // Each server keeps its own counter: one shared atomic would be a cost Roster need not pay.
    long[] sequence = new long[1];
    String prefix = Long.toString(System.nanoTime() & 0xffffff, 36) + "-";
    return vertx
        .createHttpServer(options)
        .requestHandler(
            request ->
                answer(request, payload, withHeaders ? prefix + ++sequence[0] : null))
        .listen();
  }

  private static void answer(HttpServerRequest request, Payload payload, String requestId) {
    MultiMap headers = request.response().headers();
    if (requestId != null) {
      headers.add(REQUEST_ID, HttpHeaders.createOptimized(requestId));
    }
    if (payload.etag != null && payload.etag.equals(request.getHeader(HttpHeaders.IF_NONE_MATCH))) {
      for (CharSequence[] header : payload.headers304) {
        headers.add(header[0], header[1]);
      }
      request.response().setStatusCode(304).end();
      return;
    }
    for (CharSequence[] header : payload.headers) {
      headers.add(header[0], header[1]);
    }
    request.response().end(payload.body);
  }

  /** A captured answer: its body, the headers to send, its ETag. */
  private record Payload(
      Buffer body, List<CharSequence[]> headers, List<CharSequence[]> headers304, String etag) {
    static Payload read(Path dir, boolean withHeaders) throws IOException {
      Buffer body = Buffer.buffer(Files.readAllBytes(dir.resolve("body")));
      List<CharSequence[]> all = headerBlock(dir.resolve("headers"));
      String etag = null;
      String contentType = "application/json";
      for (CharSequence[] header : all) {
        if (header[0].toString().equalsIgnoreCase("ETag")) {
          etag = header[1].toString();
        } else if (header[0].toString().equalsIgnoreCase("Content-Type")) {
          contentType = header[1].toString();
        }
      }
      Path block304 = dir.resolve("headers304");
      List<CharSequence[]> headers304 =
          withHeaders && Files.exists(block304) ? headerBlock(block304) : List.of();
      List<CharSequence[]> headers =
          withHeaders
              ? all
              : List.<CharSequence[]>of(
                  new CharSequence[] {
                    HttpHeaders.CONTENT_TYPE, HttpHeaders.createOptimized(contentType)
                  });
      return new Payload(body, headers, headers304, etag);
    }

    /** Header lines of a {@code curl -D} capture, without the status line, the length and id. */
    private static List<CharSequence[]> headerBlock(Path file) throws IOException {
      List<CharSequence[]> headers = new ArrayList<>();
      for (String line : Files.readAllLines(file)) {
        int colon = line.indexOf(':');
        if (line.startsWith("HTTP/") || colon <= 0) {
          continue;
        }
        String name = line.substring(0, colon).trim();
        if (name.equalsIgnoreCase("Content-Length") || name.equalsIgnoreCase("X-Request-Id")) {
          continue;
        }
        headers.add(
            new CharSequence[] {
              HttpHeaders.createOptimized(name),
              HttpHeaders.createOptimized(line.substring(colon + 1).trim())
            });
      }
      return headers;
    }
  }
}
