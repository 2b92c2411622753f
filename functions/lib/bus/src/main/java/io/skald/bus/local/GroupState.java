package io.skald.bus.local;

import io.skald.bus.BusCommitFailedException;
import io.skald.bus.BusUnavailableException;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * One consumer group's view of one topic: committed offsets, checkpointed atomically to a file per
 * group and topic, and which consumer in this process owns the partitions (the newest one).
 */
final class GroupState {

  private final String group;
  private final LocalTopic topic;
  private final Path file;
  private final Map<Integer, Long> committed;
  private volatile LocalConsumer owner;

  GroupState(String group, LocalTopic topic, Path file) throws IOException {
    this.group = group;
    this.topic = topic;
    this.file = file;
    this.committed = read(file);
  }

  String group() {
    return group;
  }

  LocalTopic topic() {
    return topic;
  }

  /** The committed next offset, or -1 if none. */
  synchronized long committed(int partition) {
    return committed.getOrDefault(partition, -1L);
  }

  synchronized void commit(LocalConsumer by, Map<Integer, Long> nextOffsets) {
    if (owner != by) {
      throw new BusCommitFailedException(
          "consumer of group "
              + group
              + " on "
              + topic.name()
              + " no longer owns its partitions; a newer consumer took them over");
    }
    Map<Integer, Long> updated = new TreeMap<>(committed);
    updated.putAll(nextOffsets);
    StringBuilder text = new StringBuilder("# committed next offsets per partition\n");
    updated.forEach((p, o) -> text.append(p).append('=').append(o).append('\n'));
    try {
      Durable.createDirectories(file.getParent());
      Durable.replace(file, text.toString().getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new BusUnavailableException("cannot checkpoint offsets to " + file, e);
    }
    committed.putAll(nextOffsets);
  }

  LocalConsumer owner() {
    return owner;
  }

  /** The newest consumer takes the partitions over; the previous owner sees a revocation. */
  synchronized void claim(LocalConsumer consumer) {
    owner = consumer;
    topic.signal().signalAll();
  }

  /** Claims the partitions only if nobody owns them (an older consumer regaining them). */
  synchronized boolean claimIfFree(LocalConsumer consumer) {
    if (owner == null) {
      owner = consumer;
    }
    return owner == consumer;
  }

  synchronized void release(LocalConsumer consumer) {
    if (owner == consumer) {
      owner = null;
      topic.signal().signalAll();
    }
  }

  private static Map<Integer, Long> read(Path file) throws IOException {
    Map<Integer, Long> offsets = new HashMap<>();
    if (Files.exists(file)) {
      Properties p = new Properties();
      p.load(new StringReader(Files.readString(file)));
      p.forEach((k, v) -> offsets.put(Integer.valueOf((String) k), Long.valueOf((String) v)));
    }
    return offsets;
  }
}
