package io.skald.bus.local;

import io.skald.bus.BusUnavailableException;
import io.skald.bus.TopicSpec;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * Topics under {@code <dir>/topics/<name>/}: a {@code topic.properties} file holding the partition
 * count (written last and atomically, so it marks a complete topic) and one directory per
 * partition. The persisted count wins over the configuration, as with an existing Kafka topic.
 */
final class TopicRegistry {

  private static final String META = "topic.properties";

  private final Path root;
  private final LocalLogConfig config;
  private final ConcurrentHashMap<String, LocalTopic> topics = new ConcurrentHashMap<>();

  TopicRegistry(Path root, LocalLogConfig config) throws IOException {
    this.root = root;
    this.config = config;
    Durable.createDirectories(root);
    try (Stream<Path> dirs = Files.list(root)) {
      for (Path dir : dirs.filter(d -> Files.isRegularFile(d.resolve(META))).toList()) {
        String name = dir.getFileName().toString();
        topics.put(name, open(new TopicSpec(name, readPartitions(dir))));
      }
    }
  }

  /** The topic, created with the configured partition count on first use. */
  LocalTopic get(String name) {
    TopicSpec.validateName(name);
    LocalTopic topic = topics.get(name);
    return topic != null ? topic : topics.computeIfAbsent(name, this::create);
  }

  Collection<LocalTopic> all() {
    return topics.values();
  }

  private LocalTopic create(String name) {
    TopicSpec spec = new TopicSpec(name, config.partitionsFor(name));
    try {
      LocalTopic topic = open(spec);
      Durable.replace(
          root.resolve(name).resolve(META),
          ("version=1\npartitions=" + spec.partitions() + "\n").getBytes(StandardCharsets.UTF_8));
      return topic;
    } catch (IOException e) {
      throw new BusUnavailableException("cannot create topic " + name + " in " + root, e);
    }
  }

  private LocalTopic open(TopicSpec spec) throws IOException {
    Path dir = root.resolve(spec.name());
    List<PartitionLog> partitions = new ArrayList<>(spec.partitions());
    for (int p = 0; p < spec.partitions(); p++) {
      partitions.add(PartitionLog.open(dir.resolve(Integer.toString(p)), config));
    }
    return new LocalTopic(spec, List.copyOf(partitions), new DataSignal());
  }

  private static int readPartitions(Path dir) throws IOException {
    Properties meta = new Properties();
    meta.load(new StringReader(Files.readString(dir.resolve(META))));
    String value = meta.getProperty("partitions");
    if (value == null) {
      throw new IOException("no partitions in " + dir.resolve(META));
    }
    return Integer.parseInt(value.trim());
  }

  void close() {
    topics.values().forEach(t -> t.partitions().forEach(PartitionLog::close));
  }
}
