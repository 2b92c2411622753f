package io.skald.harness;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * A real S3 API server (s3proxy, backed by the local file system via jclouds {@code
 * filesystem-nio2}) in a child JVM on a random port of 127.0.0.1. Signatures (V2 and V4) are
 * enforced, path-style only.
 */
public final class S3Server implements AutoCloseable {

  private static final System.Logger LOG = System.getLogger(S3Server.class.getName());
  private static final String ACCESS_KEY = "local-identity";
  private static final String SECRET_KEY = "local-credential";
  private static final String REGION = "us-east-1";
  private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
  private static final Duration STOP_GRACE = Duration.ofSeconds(15);
  private static final List<String> JVM_OPTIONS =
      List.of(
          "-Xms32m",
          "-Xmx256m",
          "-XX:+UseSerialGC",
          "-XX:TieredStopAtLevel=1",
          "-Djava.awt.headless=true");

  private final Path dir;
  private final int port;
  private final ChildProcess server;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  private S3Server(Path dir, int port, ChildProcess server) {
    this.dir = dir;
    this.port = port;
    this.server = server;
  }

  public static S3Server start() throws Exception {
    long t0 = System.nanoTime();
    Path dir = ServiceDir.create("s3proxy");
    Path data = Files.createDirectories(dir.resolve("data"));
    int port = ServiceDir.freePort();
    Path props =
        Files.writeString(
            dir.resolve("s3proxy.properties"),
            String.join(
                "\n",
                "s3proxy.endpoint=http://127.0.0.1:" + port,
                "s3proxy.authorization=aws-v2-or-v4",
                "s3proxy.identity=" + ACCESS_KEY,
                "s3proxy.credential=" + SECRET_KEY,
                "jclouds.provider=filesystem-nio2",
                "jclouds.filesystem.basedir=" + data,
                ""));
    ChildProcess child =
        new ChildProcess(
            "s3proxy",
            ChildProcess.javaCommand(
                "s3proxy.classpath",
                JVM_OPTIONS,
                "org.gaul.s3proxy.Main",
                List.of("--properties", props.toString())),
            dir,
            dir.resolve("s3proxy.log"));
    S3Server s3 = new S3Server(dir, port, child);
    try {
      s3.launchAndAwait();
    } catch (Exception e) {
      s3.close();
      throw e;
    }
    LOG.log(
        System.Logger.Level.INFO,
        "S3 ready on {0} in {1} ms",
        s3.endpoint(),
        (System.nanoTime() - t0) / 1_000_000);
    return s3;
  }

  public URI endpoint() {
    return URI.create("http://127.0.0.1:" + port);
  }

  public String accessKey() {
    return ACCESS_KEY;
  }

  public String secretKey() {
    return SECRET_KEY;
  }

  public String region() {
    return REGION;
  }

  /**
   * Directory holding config, {@code data/} (one sub-directory per bucket) and {@code s3proxy.log}.
   */
  public Path directory() {
    return dir;
  }

  /** Creates a bucket; succeeds if this identity already owns it. */
  public void createBucket(String name) throws Exception {
    HttpResponse<String> response =
        S3V2Signer.send(http, endpoint(), "PUT", "/" + name, ACCESS_KEY, SECRET_KEY);
    boolean alreadyOurs =
        response.statusCode() == 409 && response.body().contains("BucketAlreadyOwnedByYou");
    if (response.statusCode() != 200 && !alreadyOurs) {
      throw new IOException(
          "create bucket " + name + ": HTTP " + response.statusCode() + " " + response.body());
    }
  }

  /** Graceful shutdown. */
  public void stop() {
    server.stop(STOP_GRACE);
  }

  /** SIGKILL, for fault tests. */
  public void kill() {
    server.kill();
  }

  /**
   * Restarts on the same port and data dir (stopping first if still running); waits until ready.
   */
  public void restart() throws Exception {
    stop();
    launchAndAwait();
  }

  public boolean isRunning() {
    return server.isAlive();
  }

  /** Stops the server and deletes the stored objects; the log file is kept. */
  @Override
  public void close() {
    stop();
    ServiceDir.deleteRecursively(dir.resolve("data"));
  }

  private void launchAndAwait() throws IOException {
    server.launch();
    // Any HTTP answer (an anonymous GET / gets 403) means the server is listening and serving.
    HttpRequest probe =
        HttpRequest.newBuilder(endpoint()).timeout(Duration.ofSeconds(2)).GET().build();
    server.awaitReady(
        START_TIMEOUT,
        log -> http.send(probe, HttpResponse.BodyHandlers.discarding()).statusCode() > 0);
  }
}
