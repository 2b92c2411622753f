package io.skald.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ReadinessTest {

  private final AtomicLong now = new AtomicLong();

  @Test
  void readyWhenEveryCheckPasses() {
    try (Readiness r = readiness(Duration.ofSeconds(2), ReadinessCheck.of("bus", () -> {}))) {
      Readiness.Report report = r.evaluate();
      assertThat(report.ready()).isTrue();
      assertThat(report.text()).isEqualTo("ready\n");
    }
  }

  @Test
  void listsEveryFailingCheckWithItsReasonInLokisWording() {
    try (Readiness r =
        readiness(
            Duration.ofSeconds(2),
            ReadinessCheck.of(
                "bus",
                () -> {
                  throw new IllegalStateException("not reachable: kafka:\n timed out");
                }),
            ReadinessCheck.of("object store", () -> {}),
            ReadinessCheck.of(
                "chunker",
                () -> {
                  throw new IllegalStateException();
                }))) {
      Readiness.Report report = r.evaluate();
      assertThat(report.ready()).isFalse();
      assertThat(report.text())
          .isEqualTo(
              "Some services are not Running:\n"
                  + "bus: not reachable: kafka: timed out\n"
                  + "chunker: IllegalStateException\n");
    }
  }

  @Test
  void aHangingCheckFailsAfterTheTimeoutInsteadOfBlockingTheProbe() {
    CountDownLatch never = new CountDownLatch(1);
    try (Readiness r =
        new Readiness(
            List.of(ReadinessCheck.of("object store", never::await)),
            Duration.ofMillis(100),
            Duration.ofSeconds(1),
            System::nanoTime)) {
      long t0 = System.nanoTime();
      Readiness.Report report = r.evaluate();
      assertThat(report.problems()).containsExactly("object store: no answer within 100 ms");
      assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(2));
    }
  }

  @Test
  void answersAreReusedForTheTtlThenCheckedAgain() {
    AtomicInteger calls = new AtomicInteger();
    try (Readiness r =
        readiness(Duration.ofSeconds(2), ReadinessCheck.of("bus", calls::incrementAndGet))) {
      r.evaluate();
      now.addAndGet(Duration.ofMillis(999).toNanos());
      r.evaluate();
      assertThat(calls).hasValue(1);
      now.addAndGet(Duration.ofMillis(2).toNanos());
      r.evaluate();
      assertThat(calls).hasValue(2);
    }
  }

  @Test
  void aFailureIsForgottenOnceTheDependencyIsBack() {
    AtomicInteger failuresLeft = new AtomicInteger(1);
    try (Readiness r =
        readiness(
            Duration.ofSeconds(2),
            ReadinessCheck.of(
                "bus",
                () -> {
                  if (failuresLeft.getAndDecrement() > 0) {
                    throw new IllegalStateException("down");
                  }
                }))) {
      assertThat(r.evaluate().ready()).isFalse();
      now.addAndGet(Duration.ofSeconds(2).toNanos());
      assertThat(r.evaluate().ready()).isTrue();
    }
  }

  private Readiness readiness(Duration timeout, ReadinessCheck... checks) {
    return new Readiness(List.of(checks), timeout, Duration.ofSeconds(1), now::get);
  }
}
