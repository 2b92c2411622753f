package io.skald.it;

import io.skald.harness.KafkaBroker;
import io.skald.harness.S3Server;
import io.skald.schemas.Topics;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The distributed deployment on one machine: four Skald JVMs, one per target, sharing a real Kafka
 * broker and a real S3 server, with topics, consumer groups and bucket of their own so several
 * clusters can share the servers.
 */
final class SkaldCluster implements AutoCloseable {

  enum Role {
    INGEST,
    CHUNKER,
    COMPACTOR,
    QUERIER;

    String target() {
      return name().toLowerCase();
    }
  }

  private final Map<Role, SkaldProcess> processes;
  private final Map<String, String> options;

  private SkaldCluster(Map<Role, SkaldProcess> processes, Map<String, String> options) {
    this.processes = processes;
    this.options = Map.copyOf(options);
  }

  /**
   * Starts the four processes in parallel and waits until each is ready. {@code extra} options
   * apply to every process, {@code perRole} to one.
   */
  static SkaldCluster start(
      String name,
      KafkaBroker kafka,
      S3Server s3,
      Map<String, String> extra,
      Map<Role, Map<String, String>> perRole)
      throws Exception {
    String run = name + "-" + Long.toHexString(System.nanoTime());
    String bucket = ("it-" + run).toLowerCase();
    s3.createBucket(bucket);
    Map<String, String> common = new LinkedHashMap<>();
    common.put("bus.kind", "kafka");
    common.put("bus.kafka-bootstrap-servers", kafka.bootstrapServers());
    // A SIGKILLed consumer holds its partitions until its session expires (45 s by default);
    // the broker's minimum keeps a restarted chunker's wait short.
    common.put("bus.kafka-properties.consumer.session.timeout.ms", "6000");
    common.put("bus.kafka-properties.consumer.heartbeat.interval.ms", "1000");
    common.put("storage.kind", "s3");
    common.put("storage.bucket", bucket);
    common.put("storage.s3-endpoint", s3.endpoint().toString());
    common.put("storage.s3-region", s3.region());
    common.put("storage.s3-access-key", s3.accessKey());
    common.put("storage.s3-secret-key", s3.secretKey());
    common.put("ingest.topic", Topics.LOGS_PUSH + "." + run);
    common.put("chunker.topic", Topics.LOGS_PUSH + "." + run);
    common.put("chunker.dead-letter-topic", Topics.LOGS_PUSH_DLQ + "." + run);
    common.put("chunker.storage-events-topic", Topics.STORAGE_EVENTS + "." + run);
    common.put("compactor.storage-events-topic", Topics.STORAGE_EVENTS + "." + run);
    common.put("compactor.dead-letter-topic", Topics.STORAGE_EVENTS_DLQ + "." + run);
    common.put("chunker.consumer-group", "chunker-" + run);
    common.put("compactor.consumer-group", "compactor-" + run);
    common.putAll(extra);

    Path dir =
        Files.createDirectories(
            Path.of(System.getProperty("it.work.dir", "target/it-work")).resolve(run));
    ExecutorService starter = Executors.newFixedThreadPool(Role.values().length);
    Map<Role, Future<SkaldProcess>> starting = new EnumMap<>(Role.class);
    for (Role role : Role.values()) {
      Map<String, String> options = new LinkedHashMap<>(common);
      options.put("target", role.target());
      options.putAll(perRole.getOrDefault(role, Map.of()));
      starting.put(
          role, starter.submit(() -> SkaldProcess.start(dir.resolve(role.target()), options)));
    }
    starter.shutdown();
    Map<Role, SkaldProcess> started = new EnumMap<>(Role.class);
    Exception failure = null;
    for (Map.Entry<Role, Future<SkaldProcess>> e : starting.entrySet()) {
      try {
        started.put(e.getKey(), e.getValue().get());
      } catch (Exception ex) {
        failure = failure == null ? ex : failure;
      }
    }
    SkaldCluster cluster = new SkaldCluster(started, common);
    if (failure != null) {
      cluster.close();
      throw failure;
    }
    return cluster;
  }

  static SkaldCluster start(String name, KafkaBroker kafka, S3Server s3, Map<String, String> extra)
      throws Exception {
    return start(name, kafka, s3, extra, Map.of());
  }

  SkaldProcess get(Role role) {
    return processes.get(role);
  }

  SkaldProcess ingest() {
    return get(Role.INGEST);
  }

  SkaldProcess chunker() {
    return get(Role.CHUNKER);
  }

  SkaldProcess compactor() {
    return get(Role.COMPACTOR);
  }

  SkaldProcess querier() {
    return get(Role.QUERIER);
  }

  /** An option every process got, e.g. {@code chunker.consumer-group}. */
  String option(String name) {
    return options.get(name);
  }

  /** Stops every process at once (graceful), so tear-down costs one shutdown, not four. */
  @Override
  public void close() throws InterruptedException {
    List<Thread> stopping = new ArrayList<>();
    for (SkaldProcess p : processes.values()) {
      Thread t =
          new Thread(
              () -> {
                try {
                  p.close();
                } catch (InterruptedException e) {
                  Thread.currentThread().interrupt();
                }
              });
      t.start();
      stopping.add(t);
    }
    for (Thread t : stopping) {
      t.join();
    }
  }
}
