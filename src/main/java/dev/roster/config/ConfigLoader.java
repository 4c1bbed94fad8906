package dev.roster.config;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads and validates the YAML configuration: {@code ${NAME}} interpolation from the
 * environment on the file's text, then parsing, defaults and validation. Every problem is a
 * {@link ConfigException} with one line naming the key path (or the line) and what is wrong; the
 * value of a secret never appears in it. Unknown keys are errors, so a typo never silently falls
 * back to a default. The rules are documented key by key in {@code docs/configuration.md}.
 */
public final class ConfigLoader {
  /** Used when neither {@code --config} nor {@code ROSTER_CONFIG} is given. */
  public static final String DEFAULT_PATH = "conf/roster.yaml";
  /** The environment variable naming the configuration file. */
  public static final String PATH_VARIABLE = "ROSTER_CONFIG";

  private static final long MAX_FILE_BYTES = 1024L * 1024;

  private ConfigLoader() {}

  /**
   * The configuration file to load: {@code --config <path>} or {@code --config=<path>}, else the
   * environment variable {@code ROSTER_CONFIG}, else {@code conf/roster.yaml}. Any other argument
   * is a {@link ConfigException}.
   */
  public static Path resolvePath(String[] args, Map<String, String> env) {
    String chosen = null;
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      String value;
      if (arg.equals("--config")) {
        if (i + 1 >= args.length) {
          throw new ConfigException("--config: a path is required");
        }
        value = args[++i];
      } else if (arg.startsWith("--config=")) {
        value = arg.substring("--config=".length());
      } else {
        throw new ConfigException(
            "unknown argument " + Section.quote(arg) + " (usage: roster [--config <path>])");
      }
      if (value.isBlank()) {
        throw new ConfigException("--config: a path is required");
      }
      if (chosen != null) {
        throw new ConfigException("--config: given more than once");
      }
      chosen = value;
    }
    if (chosen == null) {
      String fromEnv = env.get(PATH_VARIABLE);
      chosen = fromEnv == null || fromEnv.isBlank() ? DEFAULT_PATH : fromEnv;
    }
    return Path.of(chosen);
  }

  /** Loads the file at {@code path}; throws {@link ConfigException} on any problem. */
  public static RosterOptions load(Path path, Map<String, String> env) {
    byte[] bytes;
    try {
      if (Files.size(path) > MAX_FILE_BYTES) {
        throw new ConfigException(path + ": larger than 1MB");
      }
      bytes = Files.readAllBytes(path);
    } catch (NoSuchFileException e) {
      throw new ConfigException(path + ": file not found");
    } catch (IOException e) {
      throw new ConfigException(path + ": cannot be read (" + e.getClass().getSimpleName() + ")");
    }
    String text;
    try {
      text =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(bytes))
              .toString();
    } catch (CharacterCodingException e) {
      throw new ConfigException(path + ": not valid UTF-8");
    }
    return parse(text, env);
  }

  /** Parses YAML text already read; throws {@link ConfigException} on any problem. */
  public static RosterOptions parse(String yaml, Map<String, String> env) {
    String text = yaml.startsWith("\uFEFF") ? yaml.substring(1) : yaml;
    if (text.length() > YamlTree.MAX_CODE_POINTS) {
      throw new ConfigException("the configuration is larger than 1MB");
    }
    Section root = Section.root(YamlTree.read(EnvInterpolator.interpolate(text, env)));
    root.allowOnly("server", "admin", "apps", "demo");
    ServerOptions server = server(root.section("server"));
    AdminOptions admin = admin(root.section("admin"));
    if (server.port() != 0 && server.port() == admin.port()) {
      throw root.fail("admin.port", "must differ from server.port (" + server.port() + ")");
    }
    DemoOptions demo = demo(root.section("demo"), server, admin);
    return new RosterOptions(server, admin, apps(root), demo);
  }

  private static ServerOptions server(Section s) {
    s.allowOnly("host", "port", "shutdownGrace", "trustedProxies");
    List<AddressRange> proxies = new ArrayList<>();
    for (String entry : s.strings("trustedProxies", List.of())) {
      try {
        proxies.add(AddressRange.parse(entry));
      } catch (IllegalArgumentException e) {
        throw s.fail("trustedProxies", "'" + entry + "': " + e.getMessage());
      }
    }
    return new ServerOptions(
        s.string("host", ServerOptions.DEFAULT_HOST),
        s.integer("port", ServerOptions.DEFAULT_PORT, 0, 65535),
        s.duration("shutdownGrace", ServerOptions.DEFAULT_SHUTDOWN_GRACE, false),
        proxies);
  }

  private static AdminOptions admin(Section s) {
    s.allowOnly("host", "port", "token");
    String token = s.string("token", null);
    if (token != null && token.chars().anyMatch(c -> c <= ' ' || c == 127)) {
      throw s.fail("token", "must not contain spaces or control characters");
    }
    return new AdminOptions(
        s.string("host", AdminOptions.DEFAULT_HOST),
        s.integer("port", AdminOptions.DEFAULT_PORT, 0, 65535),
        token);
  }

  private static DemoOptions demo(Section s, ServerOptions server, AdminOptions admin) {
    if (!s.present()) {
      return null;
    }
    s.allowOnly("clerkPort", "lexfulPort", "issuerPort");
    Map<Integer, String> taken = new LinkedHashMap<>();
    taken.put(server.port(), "server.port");
    taken.putIfAbsent(admin.port(), "admin.port");
    int[] ports = new int[3];
    String[] keys = {"clerkPort", "lexfulPort", "issuerPort"};
    for (int i = 0; i < keys.length; i++) {
      if (!s.has(keys[i])) {
        throw s.fail(keys[i], "required");
      }
      ports[i] = s.integer(keys[i], 0, 0, 65535);
      String other = ports[i] == 0 ? null : taken.putIfAbsent(ports[i], s.pathOf(keys[i]));
      if (other != null) {
        throw s.fail(keys[i], "must differ from " + other + " (" + ports[i] + ")");
      }
    }
    return new DemoOptions(ports[0], ports[1], ports[2]);
  }

  private static Map<String, AppOptions> apps(Section root) {
    Section apps = root.section("apps");
    if (apps.keys().isEmpty()) {
      throw root.fail("apps", "at least one app is required");
    }
    Map<String, AppOptions> byName = new LinkedHashMap<>();
    for (String name : apps.keys()) {
      byName.put(name, AppReader.read(name, apps));
    }
    return java.util.Collections.unmodifiableMap(byName);
  }
}
