package io.skald.it;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs the real Skald application ({@code app/target/skald.jar}, the jar {@code ./skald} starts) as
 * a child JVM, so tests can talk to it over HTTP and kill it with SIGKILL.
 */
final class SkaldProcess implements AutoCloseable {

  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  private final Path dataDir;
  private final Map<String, String> options;
  private final int port;
  private final Path log;
  private Process process;

  private SkaldProcess(Path dataDir, Map<String, String> options) throws IOException {
    this.dataDir = dataDir;
    this.options = new LinkedHashMap<>(options);
    this.port = freePort();
    this.log = dataDir.resolveSibling(dataDir.getFileName() + ".log");
  }

  /** Starts Skald on a free port with data under {@code dataDir} and waits until it is ready. */
  static SkaldProcess start(Path dataDir, Map<String, String> options) throws IOException {
    SkaldProcess p = new SkaldProcess(dataDir, options);
    p.launch();
    return p;
  }

  static SkaldProcess start(Path dataDir) throws IOException {
    return start(dataDir, Map.of());
  }

  URI uri() {
    return URI.create("http://127.0.0.1:" + port);
  }

  String url() {
    return uri().toString();
  }

  private void launch() throws IOException {
    Files.createDirectories(dataDir);
    String jar = System.getProperty("skald.jar");
    if (jar == null || !Files.exists(Path.of(jar))) {
      throw new IllegalStateException(
          "skald.jar not built: " + jar + " (run the build from the repository root)");
    }
    List<String> cmd =
        new ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m",
                "-XX:TieredStopAtLevel=1",
                "-Dorg.apache.avro.SERIALIZABLE_PACKAGES=io.skald.events.v1",
                "-jar",
                jar,
                "--port=" + port,
                "--host=127.0.0.1",
                "--data-dir=" + dataDir));
    options.forEach((k, v) -> cmd.add("--" + k + "=" + v));
    process =
        new ProcessBuilder(cmd)
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
            .start();
    try {
      await()
          .atMost(Duration.ofSeconds(90))
          .pollInterval(Duration.ofMillis(200))
          .until(
              () -> {
                if (!process.isAlive()) {
                  throw new IllegalStateException(
                      "Skald exited with " + process.exitValue() + ":\n" + tail());
                }
                return ready();
              });
    } catch (RuntimeException e) {
      throw new IllegalStateException("Skald did not become ready:\n" + tail(), e);
    }
  }

  private boolean ready() {
    try {
      HttpResponse<String> r =
          HTTP.send(
              HttpRequest.newBuilder(uri().resolve("/ready"))
                  .timeout(Duration.ofSeconds(2))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      return r.statusCode() == 200;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** SIGKILL: no shutdown hooks, no flushes; what was acknowledged must survive this. */
  void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor();
  }

  void restart() throws IOException {
    launch();
  }

  String tail() {
    try {
      List<String> lines = Files.readAllLines(log);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
    } catch (IOException e) {
      return "(no log: " + e + ")";
    }
  }

  @Override
  public void close() throws InterruptedException {
    if (process != null && process.isAlive()) {
      process.destroy();
      if (!process.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor();
      }
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }
}
