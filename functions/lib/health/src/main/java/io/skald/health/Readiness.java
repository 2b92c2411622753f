package io.skald.health;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.LongSupplier;

/**
 * Runs a process's readiness checks for {@code /ready}. Checks run in parallel and the caller waits
 * at most {@code timeout} in total, so a hanging dependency (an S3 endpoint that accepts
 * connections but never answers) makes the probe fail instead of stall. An answer is reused for
 * {@code ttl}, and a check still running is joined rather than started again, so frequent probes
 * (Kubernetes, load balancers, tests polling) cost at most one HEAD or metadata call per check per
 * {@code ttl}.
 */
public final class Readiness implements AutoCloseable {

  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(2);
  public static final Duration DEFAULT_TTL = Duration.ofSeconds(1);

  private final List<Cached> checks = new ArrayList<>();
  private final long timeoutNanos;
  private final long ttlNanos;
  private final LongSupplier nanoTime;
  private final ExecutorService executor;

  public Readiness(List<? extends ReadinessCheck> checks) {
    this(checks, DEFAULT_TIMEOUT, DEFAULT_TTL, System::nanoTime);
  }

  public Readiness(
      List<? extends ReadinessCheck> checks,
      Duration timeout,
      Duration ttl,
      LongSupplier nanoTime) {
    this.timeoutNanos = timeout.toNanos();
    this.ttlNanos = ttl.toNanos();
    this.nanoTime = nanoTime;
    this.executor =
        Executors.newCachedThreadPool(
            r -> {
              Thread t = new Thread(r, "skald-readiness");
              t.setDaemon(true);
              return t;
            });
    for (ReadinessCheck c : checks) {
      this.checks.add(new Cached(c));
    }
  }

  /** Names of the checks, in the order they are reported. */
  public List<String> names() {
    return checks.stream().map(c -> c.check.name()).toList();
  }

  public Report evaluate() {
    long start = nanoTime.getAsLong();
    List<CompletableFuture<String>> answers = new ArrayList<>(checks.size());
    for (Cached c : checks) {
      answers.add(c.answer(start));
    }
    List<String> problems = new ArrayList<>();
    for (int i = 0; i < checks.size(); i++) {
      String problem = await(answers.get(i), start);
      if (problem != null) {
        problems.add(checks.get(i).check.name() + ": " + problem);
      }
    }
    return new Report(problems);
  }

  private String await(CompletableFuture<String> answer, long start) {
    long left = Math.max(0, timeoutNanos - (nanoTime.getAsLong() - start));
    try {
      return answer.get(left, TimeUnit.NANOSECONDS);
    } catch (TimeoutException e) {
      return "no answer within " + Duration.ofNanos(timeoutNanos).toMillis() + " ms";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "interrupted";
    } catch (ExecutionException e) {
      return describe(e.getCause());
    }
  }

  @Override
  public void close() {
    executor.shutdownNow();
  }

  static String describe(Throwable e) {
    String message = e.getMessage();
    String text = message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
    // One line per check keeps the text readable in probes' logs.
    return text.replaceAll("\\s*\\R\\s*", " ");
  }

  /** The outcome of one probe: ready, or every failing check with its reason. */
  public record Report(List<String> problems) {

    public Report {
      problems = List.copyOf(problems);
    }

    public boolean ready() {
      return problems.isEmpty();
    }

    /**
     * Loki's wording, so operators and scripts that read Loki's {@code /ready} text feel at home.
     */
    public String text() {
      if (ready()) {
        return "ready\n";
      }
      return "Some services are not Running:\n" + String.join("\n", problems) + "\n";
    }
  }

  /** One check's last answer and, while it runs, the future every caller joins. */
  private final class Cached {
    private final ReadinessCheck check;
    private String lastProblem;
    private long lastAt;
    private boolean answered;
    private CompletableFuture<String> running;

    Cached(ReadinessCheck check) {
      this.check = check;
    }

    synchronized CompletableFuture<String> answer(long now) {
      if (answered && now - lastAt < ttlNanos) {
        return CompletableFuture.completedFuture(lastProblem);
      }
      if (running != null) {
        return running;
      }
      CompletableFuture<String> f = CompletableFuture.supplyAsync(this::run, executor);
      running = f;
      f.thenAccept(this::remember); // may run right here if the check was quick
      return f;
    }

    private String run() {
      try {
        check.check();
        return null;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return "interrupted";
      } catch (Exception | LinkageError e) {
        return describe(e);
      }
    }

    private synchronized void remember(String problem) {
      lastProblem = problem;
      lastAt = nanoTime.getAsLong();
      answered = true;
      running = null;
    }
  }
}
