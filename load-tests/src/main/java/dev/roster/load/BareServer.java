package dev.roster.load;

import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import java.util.ArrayList;
import java.util.List;

/**
 * The baseline of the hit-path benchmark: a bare Vert.x HTTP server that answers every request
 * with a fixed JSON body held in memory, with the headers a Roster cache hit carries
 * (Content-Type, ETag, Cache-Control, Cache-Status, X-Request-Id) and a 304 when {@code
 * If-None-Match} names its ETag. No router, no authentication, no cache lookup: what is left is
 * the cost of Vert.x and Netty themselves, which Roster cannot go below.
 *
 * <p>Listens like Roster: one server per event loop sharing the port, created from the main
 * thread, TCP_NODELAY on. Usage: {@code BareServer PORT=BYTES [PORT=BYTES...] [--instances N]};
 * each port serves a body of that many bytes (so the baseline can match the size of the Roster
 * answer it is compared with). Prints {@code bare: listening on PORT (BYTES bytes)} per port.
 */
public final class BareServer {
  private static final CharSequence JSON = HttpHeaders.createOptimized("application/json");
  private static final CharSequence CACHE_STATUS = HttpHeaders.createOptimized("Cache-Status");
  private static final CharSequence HIT = HttpHeaders.createOptimized("roster; hit; ttl=42");
  private static final CharSequence PRIVATE =
      HttpHeaders.createOptimized("private, max-age=42");
  private static final CharSequence REQUEST_ID = HttpHeaders.createOptimized("X-Request-Id");

  private BareServer() {}

  public static void main(String[] args) {
    int instances = Runtime.getRuntime().availableProcessors();
    List<int[]> ports = new ArrayList<>();
    for (int i = 0; i < args.length; i++) {
      if (args[i].equals("--instances")) {
        instances = Integer.parseInt(args[++i]);
      } else {
        String[] portAndBytes = args[i].split("=", 2);
        ports.add(
            new int[] {Integer.parseInt(portAndBytes[0]), Integer.parseInt(portAndBytes[1])});
      }
    }
    if (ports.isEmpty()) {
      ports.add(new int[] {18090, 1536});
    }
    Vertx vertx = Vertx.vertx();
    List<Future<HttpServer>> all = new ArrayList<>();
    for (int[] port : ports) {
      Payload payload = Payload.of(port[1]);
      for (int i = 0; i < instances; i++) {
        all.add(listen(vertx, port[0], payload));
      }
    }
    Future.all(all)
        .onSuccess(
            ok ->
                ports.forEach(
                    p -> System.out.println("bare: listening on " + p[0] + " (" + p[1] + " B)")))
        .onFailure(
            failure -> {
              System.err.println("bare: failed to start: " + failure.getMessage());
              System.exit(1);
            });
  }

  private static Future<HttpServer> listen(Vertx vertx, int port, Payload payload) {
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
        .requestHandler(request -> answer(request, payload, prefix + ++sequence[0]))
        .listen();
  }

  private static void answer(HttpServerRequest request, Payload payload, String requestId) {
    MultiMap headers = request.response().headers();
    headers.set(HttpHeaders.CONTENT_TYPE, JSON);
    headers.set(HttpHeaders.ETAG, payload.etag);
    headers.set(HttpHeaders.CACHE_CONTROL, PRIVATE);
    headers.set(CACHE_STATUS, HIT);
    headers.set(REQUEST_ID, requestId);
    if (payload.etag.toString().equals(request.getHeader(HttpHeaders.IF_NONE_MATCH))) {
      request.response().setStatusCode(304).end();
    } else {
      request.response().end(payload.body);
    }
  }

  /** A body of an exact size and its ETag, built once. */
  private record Payload(Buffer body, CharSequence etag) {
    static Payload of(int bytes) {
      StringBuilder json =
          new StringBuilder(
              "{\"id\":\"user_2bench0000000000000000000\",\"object\":\"user\","
                  + "\"firstName\":\"Bench\",\"lastName\":\"Mark\",\"username\":\"bench\","
                  + "\"imageUrl\":\"https://img.example/bench.png\",\"publicMetadata\":{},"
                  + "\"padding\":\"");
      String tail = "\"}";
      while (json.length() + tail.length() < bytes) {
        json.append('x');
      }
      json.append(tail);
      Buffer body = Buffer.buffer(json.toString());
      String etag = "\"" + Integer.toHexString(json.toString().hashCode()) + "\"";
      return new Payload(body, HttpHeaders.createOptimized(etag));
    }
  }
}
