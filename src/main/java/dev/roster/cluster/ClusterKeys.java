package dev.roster.cluster;

/**
 * The Redis key names of one cluster, all under {@code roster:<name>:} so several Roster
 * deployments can share a Redis. Keys of one cache entry share a hash tag ({@code {...}}) so
 * its value and lock live in one slot should Redis Cluster ever be used. Keys never contain a
 * secret: the budget and hold keys use a hash of the credential.
 */
final class ClusterKeys {
  /** Version of the L2 value codec: a release that changes it moves to c2. */
  static final String CODEC = "c1";

  private final String prefix;

  ClusterKeys(String name) {
    this.prefix = "roster:" + name + ":";
  }

  String events() {
    return prefix + "events";
  }

  String epoch() {
    return prefix + "epoch";
  }

  String pods() {
    return prefix + "pods";
  }

  String budget(String credentialHash) {
    return prefix + "budget:" + credentialHash;
  }

  String hold(String credentialHash) {
    return prefix + "hold:" + credentialHash;
  }

  /** The generation of one region of one app; bumping it retires every L2 value of it. */
  String generation(String app, String region) {
    return prefix + "gen:" + app + ":" + region;
  }

  String value(String app, String region, String key) {
    return prefix + CODEC + ":{" + app + ":" + region + ":" + key + "}:val";
  }

  String lock(String app, String region, String key) {
    return prefix + CODEC + ":{" + app + ":" + region + ":" + key + "}:lock";
  }
}
