package dev.roster.config;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.representer.Representer;

/**
 * Turns YAML text into plain values: {@code Map<String, Object>} (file order), {@code
 * List<Object>}, {@code String} and null. Only SnakeYAML's composer runs, never a constructor, so
 * no type is ever instantiated from the file, and every scalar stays text until {@link Section}
 * reads it as the type its key needs (YAML 1.1's {@code on}, {@code 0777} or {@code 1:30} mean
 * nothing special). Duplicate keys are refused with their key path.
 */
final class YamlTree {
  /** Far more than any real configuration; a bound against hostile or runaway input. */
  static final int MAX_CODE_POINTS = 1024 * 1024;

  private static final int MAX_DEPTH = 32;
  private static final Set<String> STANDARD_TAGS =
      Set.of("str", "int", "bool", "null", "float", "timestamp", "map", "seq", "merge").stream()
          .map(name -> "tag:yaml.org,2002:" + name)
          .collect(java.util.stream.Collectors.toUnmodifiableSet());
  private static final Set<String> NULLS = Set.of("", "~", "null", "Null", "NULL");

  private YamlTree() {}

  /**
   * Parses {@code text}; the root is a mapping, or null for an empty document. YAML errors are
   * reported with the original line, and without SnakeYAML's wording when the line holds an
   * inserted environment variable (its value must not leak into the message).
   */
  static Map<String, Object> read(EnvInterpolator.Interpolated source) {
    Node root;
    try {
      root = yaml().compose(new StringReader(source.text()));
    } catch (MarkedYAMLException e) {
      throw syntaxError(source, e);
    } catch (YAMLException e) {
      throw new ConfigException("invalid YAML: " + firstLine(e.getMessage()));
    }
    if (root == null) {
      return null;
    }
    Object value = convert(root, "", 0, source);
    if (value == null) {
      return null;
    }
    if (!(value instanceof Map)) {
      throw new ConfigException("the file must be a mapping of keys (server, admin, apps, demo)");
    }
    @SuppressWarnings("unchecked")
    Map<String, Object> map = (Map<String, Object>) value;
    return map;
  }

  private static Yaml yaml() {
    LoaderOptions options = new LoaderOptions();
    options.setAllowDuplicateKeys(false);
    options.setAllowRecursiveKeys(false);
    options.setMaxAliasesForCollections(20);
    options.setNestingDepthLimit(MAX_DEPTH);
    options.setCodePointLimit(MAX_CODE_POINTS);
    options.setMergeOnCompose(false);
    DumperOptions dumper = new DumperOptions();
    return new Yaml(new SafeConstructor(options), new Representer(dumper), dumper, options);
  }

  private static Object convert(
      Node node, String path, int depth, EnvInterpolator.Interpolated source) {
    if (depth > MAX_DEPTH) {
      throw new ConfigException(label(path) + ": nested too deeply");
    }
    if (!STANDARD_TAGS.contains(node.getTag().getValue())) {
      throw new ConfigException(label(path) + ": YAML tags (!...) are not supported");
    }
    if (node instanceof ScalarNode scalar) {
      return scalar.isPlain() && NULLS.contains(scalar.getValue()) ? null : scalar.getValue();
    }
    if (node instanceof SequenceNode sequence) {
      List<Object> list = new ArrayList<>();
      for (Node item : sequence.getValue()) {
        list.add(convert(item, path + "[" + list.size() + "]", depth + 1, source));
      }
      return Collections.unmodifiableList(list);
    }
    MappingNode mapping = (MappingNode) node;
    Map<String, Object> map = new LinkedHashMap<>();
    Map<String, Integer> lines = new HashMap<>();
    for (NodeTuple tuple : mapping.getValue()) {
      if (!(tuple.getKeyNode() instanceof ScalarNode keyNode)) {
        throw new ConfigException(label(path) + ": keys must be plain names");
      }
      String key = keyNode.getValue();
      int line = source.sourceLine(keyNode.getStartMark().getLine() + 1);
      String keyPath = path.isEmpty() ? key : path + "." + key;
      if ("<<".equals(key)) {
        throw new ConfigException(label(path) + ": merge keys (<<) are not supported");
      }
      Integer first = lines.putIfAbsent(key, line);
      if (first != null) {
        throw new ConfigException(
            keyPath + ": duplicate key (lines " + first + " and " + line + ")");
      }
      map.put(key, convert(tuple.getValueNode(), keyPath, depth + 1, source));
    }
    return Collections.unmodifiableMap(map);
  }

  private static ConfigException syntaxError(
      EnvInterpolator.Interpolated source, MarkedYAMLException e) {
    if (e.getProblemMark() == null) {
      return new ConfigException("invalid YAML: " + firstLine(e.getProblem()));
    }
    int line = source.sourceLine(e.getProblemMark().getLine() + 1);
    List<String> variables = new ArrayList<>(source.variablesOn(line));
    variables.addAll(source.variablesOn(line - 1));
    if (!variables.isEmpty()) {
      String name = variables.get(0);
      return new ConfigException(
          "line " + line + ": invalid YAML after inserting environment variable " + name
              + " (write it as \"${" + name + "}\" if its value has YAML characters)");
    }
    return new ConfigException(
        "line " + line + ", column " + (e.getProblemMark().getColumn() + 1) + ": invalid YAML: "
            + firstLine(e.getProblem()));
  }

  private static String label(String path) {
    return path.isEmpty() ? "(top level)" : path;
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "unreadable";
    }
    int nl = message.indexOf('\n');
    return (nl < 0 ? message : message.substring(0, nl)).strip();
  }
}
