package io.skald.harness;

import java.util.concurrent.Callable;

/**
 * One Kafka broker and one S3 server per test JVM, started lazily on first use and stopped by a
 * shutdown hook. Suites sharing them must isolate by name (unique topics, groups and buckets).
 * Tests that kill or stop a server should start their own instead of using these.
 */
public final class SharedServers {

  private static KafkaBroker kafka;
  private static S3Server s3;

  private SharedServers() {}

  public static synchronized KafkaBroker kafka() {
    if (kafka == null) {
      kafka = startOrFail("Kafka", KafkaBroker::start);
      closeOnExit(kafka, "kafka");
    }
    return kafka;
  }

  public static synchronized S3Server s3() {
    if (s3 == null) {
      s3 = startOrFail("S3", S3Server::start);
      closeOnExit(s3, "s3");
    }
    return s3;
  }

  private static <T> T startOrFail(String what, Callable<T> start) {
    try {
      return start.call();
    } catch (Exception e) {
      throw new IllegalStateException("could not start the shared " + what + " server", e);
    }
  }

  private static void closeOnExit(AutoCloseable server, String name) {
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  try {
                    server.close();
                  } catch (Exception ignored) {
                    // the JVM is exiting; the child's watchdog ends it anyway
                  }
                },
                "skald-harness-stop-" + name));
  }
}
