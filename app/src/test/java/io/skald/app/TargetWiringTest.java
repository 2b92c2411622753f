package io.skald.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.ApplicationContext;
import io.skald.bus.Bus;
import io.skald.chunker.ChunkerFunction;
import io.skald.compactor.CompactorFunction;
import io.skald.health.Readiness;
import io.skald.storage.ObjectStore;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each target starts only its own functions and checks only the dependencies they use, so a querier
 * never opens the bus and an ingest process never runs consumers or touches objects.
 */
class TargetWiringTest {

  @TempDir Path dir;

  @Test
  void allRunsEveryFunctionAndChecksEveryDependency() {
    try (ApplicationContext ctx = start("all")) {
      assertThat(ctx.getBean(Readiness.class).names())
          .containsExactly("bus", "chunker", "compactor", "ingest", "object store");
      assertThat(ctx.getBean(Readiness.class).evaluate().text()).isEqualTo("ready\n");
    }
  }

  @Test
  void querierNeitherRunsLoopsNorOpensTheBus() {
    try (ApplicationContext ctx = start("querier")) {
      assertThat(ctx.getBean(Readiness.class).names()).containsExactly("object store");
      assertThat(ctx.findBean(ChunkerFunction.class)).isEmpty();
      assertThat(ctx.findBean(CompactorFunction.class)).isEmpty();
      assertThat(ctx.getActiveBeanRegistrations(Bus.class)).isEmpty();
      assertThat(ctx.getBean(Readiness.class).evaluate().ready()).isTrue();
    }
  }

  @Test
  void ingestChecksTheBusOnlyAndRunsNoConsumers() {
    try (ApplicationContext ctx = start("ingest")) {
      assertThat(ctx.getBean(Readiness.class).names()).containsExactly("bus", "ingest");
      assertThat(ctx.findBean(ChunkerFunction.class)).isEmpty();
      assertThat(ctx.findBean(CompactorFunction.class)).isEmpty();
      assertThat(ctx.getActiveBeanRegistrations(ObjectStore.class)).isEmpty();
      assertThat(ctx.getBean(Readiness.class).evaluate().ready()).isTrue();
    }
  }

  @Test
  void chunkerAndCompactorCheckTheirLoopsAndBothDependencies() {
    try (ApplicationContext ctx = start("chunker")) {
      assertThat(ctx.getBean(Readiness.class).names())
          .containsExactly("bus", "chunker", "object store");
      assertThat(ctx.findBean(CompactorFunction.class)).isEmpty();
    }
    try (ApplicationContext ctx = start("compactor")) {
      assertThat(ctx.getBean(Readiness.class).names())
          .containsExactly("bus", "compactor", "object store");
      assertThat(ctx.findBean(ChunkerFunction.class)).isEmpty();
    }
  }

  @Test
  void aClosedBusMakesTheProcessNotReadyWithTheReason() {
    try (ApplicationContext ctx = start("ingest")) {
      ctx.getBean(Bus.class).close();
      Readiness.Report report = ctx.getBean(Readiness.class).evaluate();
      assertThat(report.ready()).isFalse();
      assertThat(report.text())
          .startsWith("Some services are not Running:\n")
          .contains("bus: not reachable: local log: the bus is closed");
    }
  }

  @Test
  void kafkaClientPropertiesBindWithTheirDottedKeys() {
    try (ApplicationContext ctx =
        ApplicationContext.run(
            Map.of(
                "skald.target",
                "querier",
                "skald.data-dir",
                dir.toString(),
                "skald.bus.kafka-properties.consumer.session.timeout.ms",
                "6000",
                "skald.bus.kafka-properties.security.protocol",
                "SSL"))) {
      assertThat(ctx.getBean(BusConfig.class).kafkaProperties())
          .containsExactlyInAnyOrderEntriesOf(
              Map.of("consumer.session.timeout.ms", "6000", "security.protocol", "SSL"));
    }
  }

  private ApplicationContext start(String target) {
    return ApplicationContext.run(Map.of("skald.target", target, "skald.data-dir", dir.toString()));
  }
}
