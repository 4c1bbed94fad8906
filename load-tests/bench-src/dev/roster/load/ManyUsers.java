package dev.roster.load;

import dev.roster.sim.clerk.ClerkSeed;
import dev.roster.sim.clerk.ClerkSimulator;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.json.JsonObject;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * For the memory measurement of the benchmark: a Clerk simulator holding {@code N} extra users
 * (copies of a seeded one under new ids), then, once Roster is up, one read of each of them
 * through Roster (so Roster caches {@code N} users). Usage: {@code ManyUsers SIM_PORT
 * ROSTER_PORT APP TOKEN N}; prints {@code sim: ready} when the simulator listens, then {@code
 * filled: OK of N} when every read is answered, and keeps the simulator up until killed.
 */
public final class ManyUsers {
  private ManyUsers() {}

  /** The id of the {@code n}th extra user. */
  static String id(int n) {
    return String.format("user_2many%018d", n);
  }

  public static void main(String[] args) {
    int simPort = Integer.parseInt(args[0]);
    int rosterPort = Integer.parseInt(args[1]);
    String app = args[2];
    String token = args[3];
    int count = Integer.parseInt(args[4]);
    Vertx vertx = Vertx.vertx();
    ClerkSimulator clerk = ClerkSimulator.start(vertx, simPort).await();
    JsonObject template = clerk.user(ClerkSeed.bigOrgUserId(0));
    for (int i = 0; i < count; i++) {
      clerk.putUser(template.copy().put("id", id(i)).put("username", "many" + i));
    }
    System.out.println("sim: ready");
    System.out.flush();
    waitForLine(System.in);
    HttpClient client =
        vertx.createHttpClient(
            new HttpClientOptions().setDefaultPort(rosterPort).setDefaultHost("127.0.0.1"),
            new PoolOptions().setHttp1MaxSize(64));
    AtomicInteger next = new AtomicInteger();
    AtomicInteger ok = new AtomicInteger();
    Future<?>[] workers = new Future<?>[64];
    for (int w = 0; w < workers.length; w++) {
      workers[w] = readNext(client, app, token, next, ok, count);
    }
    Future.join(java.util.Arrays.asList(workers)).await();
    System.out.println("filled: " + ok.get() + " of " + count);
    System.out.flush();
  }

  private static Future<Void> readNext(
      HttpClient client, String app, String token, AtomicInteger next, AtomicInteger ok, int n) {
    int i = next.getAndIncrement();
    if (i >= n) {
      return Future.succeededFuture();
    }
    return client
        .request(HttpMethod.GET, "/" + app + "/v1/users/" + id(i))
        .compose(request -> request.putHeader("Authorization", "Bearer " + token).send())
        .compose(
            response -> {
              if (response.statusCode() == 200) {
                ok.incrementAndGet();
              }
              return response.body();
            })
        .transform(done -> readNext(client, app, token, next, ok, n));
  }

  private static void waitForLine(java.io.InputStream in) {
    try {
      new java.io.BufferedReader(new java.io.InputStreamReader(in)).readLine();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
