package dev.roster.config;

import java.time.Duration;

/**
 * The {@code cluster} block (SPEC §9): replicas with the same Redis and {@code name} form one
 * cluster. Absent (null in {@link RosterOptions}): a single node, no Redis.
 *
 * @param redisUrl {@code redis://} or {@code rediss://} URL, may carry {@code user:password@}
 *     and a database number ({@code /0}); never logged; null with Sentinel
 * @param password the Redis password when not in the URL (null: none or in the URL)
 * @param name the cluster's name, the prefix of every key ({@code roster:<name>:...})
 * @param podId this replica's id in the cluster, unique per process (default {@code
 *     $HOSTNAME-<8 random hex>}); replicas must never share one
 * @param opTimeout deadline of each Redis command on the request path
 * @param lockWait how long a miss waits for another replica's fill before fetching itself
 * @param eventsMaxLen events kept in the stream ({@code XADD MAXLEN ~}): how long a cut-off
 *     replica can be away and still replay rather than clear
 * @param expectedReplicas the share of the budget a replica takes before it has ever seen
 *     Redis ({@code requestsPerSecond ÷ expectedReplicas})
 * @param outbox events a replica keeps while Redis is away, published on reconnect
 * @param sentinels Sentinel URLs ({@code redis://host:26379}); empty: standalone Redis at
 *     {@code redisUrl}
 * @param masterName the Sentinel master set (null when standalone)
 */
public record ClusterOptions(
    String redisUrl,
    String password,
    String name,
    String podId,
    Duration opTimeout,
    Duration lockWait,
    int eventsMaxLen,
    int expectedReplicas,
    int outbox,
    java.util.List<String> sentinels,
    String masterName) {
  public static final String DEFAULT_NAME = "roster";
  public static final Duration DEFAULT_OP_TIMEOUT = Duration.ofMillis(500);
  public static final Duration DEFAULT_LOCK_WAIT = Duration.ofSeconds(2);
  public static final int DEFAULT_EVENTS_MAX_LEN = 10_000;
  public static final int DEFAULT_EXPECTED_REPLICAS = 1;
  public static final int DEFAULT_OUTBOX = 10_000;
}
