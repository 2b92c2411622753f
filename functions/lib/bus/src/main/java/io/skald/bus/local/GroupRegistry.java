package io.skald.bus.local;

import io.skald.bus.BusUnavailableException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/** Group states by (group, topic); offsets live in {@code <dir>/groups/<group>/<topic>.offsets}. */
final class GroupRegistry {

  private static final Pattern PLAIN = Pattern.compile("[a-zA-Z0-9._-]{1,200}");

  private final Path root;
  private final ConcurrentHashMap<String, GroupState> states = new ConcurrentHashMap<>();

  GroupRegistry(Path root) {
    this.root = root;
  }

  GroupState get(String group, LocalTopic topic) {
    if (group == null || group.isBlank()) {
      throw new IllegalArgumentException("consumer group must not be blank");
    }
    return states.computeIfAbsent(
        group + '\u0000' + topic.name(),
        k -> {
          Path file = root.resolve(directoryName(group)).resolve(topic.name() + ".offsets");
          try {
            return new GroupState(group, topic, file);
          } catch (IOException | RuntimeException e) {
            throw new BusUnavailableException("cannot read committed offsets " + file, e);
          }
        });
  }

  /** Group names are free text in Kafka: keep safe ones readable, hex-encode the rest. */
  static String directoryName(String group) {
    boolean plain = PLAIN.matcher(group).matches() && !group.equals(".") && !group.equals("..");
    return plain ? group : "~" + HexFormat.of().formatHex(group.getBytes(StandardCharsets.UTF_8));
  }
}
