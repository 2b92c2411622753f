package io.skald.harness;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A real single-node Kafka (KRaft, combined broker + controller) in a child JVM, on random ports of
 * 127.0.0.1, with its data under {@code target/it-services/kafka-<random>}.
 */
public final class KafkaBroker implements AutoCloseable {

  private static final System.Logger LOG = System.getLogger(KafkaBroker.class.getName());
  // Any valid Kafka Uuid (22 chars base64url of 16 bytes) will do; each broker has its own data
  // dir.
  // Fixed instead of 'StorageTool random-uuid' to save a JVM start (~1 s).
  private static final String CLUSTER_ID = "c2thbGQtdGVzdC1oYXJuZQ";
  private static final String CLASSPATH = "kafka.classpath";
  private static final Duration START_TIMEOUT = Duration.ofSeconds(120);
  private static final Duration STOP_GRACE = Duration.ofSeconds(30);
  // C1 only + serial GC: starts ~30-40 % faster on 2 cores (format 0.5-0.85 s vs 0.9-1.3 s
  // measured);
  // peak throughput does not matter for test brokers.
  private static final List<String> JVM_OPTIONS =
      List.of(
          "-Xms64m",
          "-Xmx512m",
          "-XX:+UseSerialGC",
          "-XX:TieredStopAtLevel=1",
          "-Djava.awt.headless=true");

  private final Path dir;
  private final int port;
  private final ChildProcess server;

  private KafkaBroker(Path dir, int port, ChildProcess server) {
    this.dir = dir;
    this.port = port;
    this.server = server;
  }

  public static KafkaBroker start() throws Exception {
    return start(Map.of());
  }

  /**
   * Starts with extra or overriding {@code server.properties} entries (e.g. {@code
   * num.partitions}).
   */
  public static KafkaBroker start(Map<String, String> brokerOverrides) throws Exception {
    long t0 = System.nanoTime();
    Path dir = ServiceDir.create("kafka");
    int port = ServiceDir.freePort();
    int controllerPort = ServiceDir.freePort();
    Path props = dir.resolve("server.properties");
    Map<String, String> config = config(dir, port, controllerPort);
    config.putAll(brokerOverrides);
    Files.writeString(
        props,
        config.entrySet().stream()
            .map(e -> e.getKey() + "=" + e.getValue())
            .collect(Collectors.joining("\n", "", "\n")));
    Path log4j = writeLog4jConfig(dir);
    List<String> jvm = jvmOptions(log4j);
    Path logFile = dir.resolve("kafka.log");

    new ChildProcess(
            "kafka storage format",
            ChildProcess.javaCommand(
                CLASSPATH,
                jvm,
                "kafka.tools.StorageTool",
                List.of("format", "-t", CLUSTER_ID, "-c", props.toString())),
            dir,
            logFile)
        .runToCompletion(START_TIMEOUT);
    long formatted = System.nanoTime();

    ChildProcess server =
        new ChildProcess(
            "kafka broker",
            ChildProcess.javaCommand(CLASSPATH, jvm, "kafka.Kafka", List.of(props.toString())),
            dir,
            logFile);
    KafkaBroker broker = new KafkaBroker(dir, port, server);
    try {
      broker.launchAndAwait();
    } catch (Exception e) {
      broker.close();
      throw e;
    }
    LOG.log(
        System.Logger.Level.INFO,
        "Kafka ready on {0} in {1} ms (format {2} ms), log {3}",
        broker.bootstrapServers(),
        (System.nanoTime() - t0) / 1_000_000,
        (formatted - t0) / 1_000_000,
        logFile);
    return broker;
  }

  public String bootstrapServers() {
    return "127.0.0.1:" + port;
  }

  /** Directory holding config, data and {@code kafka.log} of this broker. */
  public Path directory() {
    return dir;
  }

  /** Graceful shutdown (SIGTERM: controlled shutdown, logs flushed). */
  public void stop() {
    server.stop(STOP_GRACE);
  }

  /** SIGKILL: a crash without flushing, for fault tests. */
  public void kill() {
    server.kill();
  }

  /**
   * Restarts on the same ports and data dir (stopping gracefully first if still running); waits
   * until ready.
   */
  public void restart() throws Exception {
    stop();
    long t0 = System.nanoTime();
    launchAndAwait();
    LOG.log(
        System.Logger.Level.INFO,
        "Kafka restarted on {0} in {1} ms",
        bootstrapServers(),
        (System.nanoTime() - t0) / 1_000_000);
  }

  public boolean isRunning() {
    return server.isAlive();
  }

  /** Stops the broker and deletes its data; the log file is kept for post-mortems. */
  @Override
  public void close() {
    stop();
    ServiceDir.deleteRecursively(dir.resolve("data"));
  }

  private void launchAndAwait() throws IOException {
    server.launch();
    // The line is logged once the broker serves clients; the port check guards against a stale
    // match.
    server.awaitReady(
        START_TIMEOUT, log -> log.contains("Kafka Server started") && ServiceDir.accepts(port));
  }

  private static Map<String, String> config(Path dir, int port, int controllerPort) {
    Map<String, String> c = new LinkedHashMap<>();
    c.put("process.roles", "broker,controller");
    c.put("node.id", "1");
    c.put("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
    c.put(
        "listeners", "PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort);
    c.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + port);
    c.put("controller.listener.names", "CONTROLLER");
    c.put("inter.broker.listener.name", "PLAINTEXT");
    c.put("listener.security.protocol.map", "CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT");
    c.put("log.dirs", dir.resolve("data").toString());
    c.put("num.partitions", "1");
    // Internal topics: one replica, one partition each, so first use is fast on a single node.
    c.put("offsets.topic.replication.factor", "1");
    c.put("offsets.topic.num.partitions", "1");
    c.put("transaction.state.log.replication.factor", "1");
    c.put("transaction.state.log.min.isr", "1");
    c.put("transaction.state.log.num.partitions", "1");
    c.put("share.coordinator.state.topic.replication.factor", "1");
    c.put("share.coordinator.state.topic.min.isr", "1");
    c.put("share.coordinator.state.topic.num.partitions", "1");
    c.put("group.initial.rebalance.delay.ms", "0");
    // After a kill -9 the restarted broker may only register once the controller has expired the
    // old
    // registration's session (default 9 s); shorter heartbeats make a crash restart take ~3 s.
    c.put("broker.heartbeat.interval.ms", "500");
    c.put("broker.session.timeout.ms", "3000");
    c.put("auto.create.topics.enable", "true");
    return c;
  }

  private static List<String> jvmOptions(Path log4j) {
    List<String> all = new ArrayList<>(JVM_OPTIONS);
    all.add("-Dlog4j2.configurationFile=" + log4j.toUri());
    return all;
  }

  /** WARN only, except the line that signals readiness, so the log stays small. */
  private static Path writeLog4jConfig(Path dir) throws IOException {
    return Files.writeString(
        dir.resolve("log4j2.properties"),
        String.join(
            "\n",
            "status = warn",
            "appender.console.type = Console",
            "appender.console.name = STDOUT",
            "appender.console.layout.type = PatternLayout",
            "appender.console.layout.pattern = [%d] %p %m (%c)%n",
            "rootLogger.level = WARN",
            "rootLogger.appenderRef.stdout.ref = STDOUT",
            "logger.raftserver.name = kafka.server.KafkaRaftServer",
            "logger.raftserver.level = INFO",
            ""));
  }
}
