package io.skald.it;

import io.skald.it.LokiPushes.Line;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;

/**
 * Sustained protobuf pushes from several clients, each on its own thread and stream, as Alloy
 * agents would send them, recording every push's outcome. A line counts as acknowledged only when
 * its push got 204. Timestamps are unique across clients, so read-back can page by time exactly.
 */
final class PushLoad implements AutoCloseable {

  /**
   * One push: when it started and ended (System.nanoTime), its status (-1: no answer), its lines.
   */
  record Push(int client, long startNanos, long endNanos, int status, List<String> lines) {
    Duration took() {
      return Duration.ofNanos(endNanos - startNanos);
    }
  }

  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  private final URI ingest;
  private final String app;
  private final int clients;
  private final int linesPerPush;
  private final long baseNanos;
  private final AtomicBoolean running = new AtomicBoolean(true);
  private final Set<String> acknowledged = ConcurrentHashMap.newKeySet();
  private final ConcurrentLinkedQueue<Push> pushes = new ConcurrentLinkedQueue<>();
  private final List<Thread> threads = new ArrayList<>();

  private PushLoad(URI ingest, String app, int clients, int linesPerPush, long baseNanos) {
    this.ingest = ingest;
    this.app = app;
    this.clients = clients;
    this.linesPerPush = linesPerPush;
    this.baseNanos = baseNanos;
  }

  /**
   * Starts {@code clients} threads pushing {@code linesPerPush} lines at a time until {@link
   * #stop()}.
   */
  static PushLoad start(URI ingest, String app, int clients, int linesPerPush, long baseNanos) {
    PushLoad load = new PushLoad(ingest, app, clients, linesPerPush, baseNanos);
    for (int c = 0; c < clients; c++) {
      int client = c;
      Thread t = new Thread(() -> load.run(client), "push-" + app + "-" + c);
      t.setDaemon(true);
      load.threads.add(t);
      t.start();
    }
    return load;
  }

  /** The selector of every stream this load writes. */
  String selector() {
    return "{app=\"" + app + "\"}";
  }

  private void run(int client) {
    for (long seq = 0; running.get(); ) {
      List<Line> lines = new ArrayList<>(linesPerPush);
      List<String> texts = new ArrayList<>(linesPerPush);
      for (int i = 0; i < linesPerPush; i++, seq++) {
        // Interleaved: unique across clients and increasing per client.
        long ts = baseNanos + (seq * clients + client) * 1_000L;
        String text = "client=" + client + " seq=" + seq;
        lines.add(new Line(ts, text));
        texts.add(text);
      }
      byte[] body =
          LokiPushes.protobufSnappy("{app=\"" + app + "\", client=\"" + client + "\"}", lines);
      long start = System.nanoTime();
      int status;
      try {
        status =
            HTTP.send(
                    HttpRequest.newBuilder(ingest.resolve("/loki/api/v1/push"))
                        .header("Content-Type", "application/x-protobuf")
                        .timeout(Duration.ofSeconds(30))
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                        .build(),
                    HttpResponse.BodyHandlers.discarding())
                .statusCode();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (Exception e) {
        status = -1; // no answer: not acknowledged
      }
      if (status == 204) {
        acknowledged.addAll(texts);
      }
      pushes.add(new Push(client, start, System.nanoTime(), status, List.copyOf(texts)));
    }
  }

  Set<String> acknowledged() {
    return Set.copyOf(acknowledged);
  }

  int acknowledgedCount() {
    return acknowledged.size();
  }

  List<Push> pushes() {
    return List.copyOf(pushes);
  }

  /** Pushes that match, e.g. those that started after a fault began. */
  List<Push> pushes(Predicate<Push> filter) {
    return pushes.stream().filter(filter).toList();
  }

  long acknowledgedPushesSince(long nanos) {
    return pushes.stream().filter(p -> p.startNanos() >= nanos && p.status() == 204).count();
  }

  /** Stops every client after its current push. */
  void stop() throws InterruptedException {
    running.set(false);
    for (Thread t : threads) {
      t.join();
    }
  }

  @Override
  public void close() throws InterruptedException {
    stop();
  }
}
