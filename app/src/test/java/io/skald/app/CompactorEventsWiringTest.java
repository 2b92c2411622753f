package io.skald.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.ApplicationContext;
import io.skald.compactor.events.CloudEventsController;
import io.skald.health.Readiness;
import io.skald.routes.storageevents.StorageEventsService;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where the CloudEvents endpoints and the storage-events route run, and what switches them. */
class CompactorEventsWiringTest {

  @TempDir Path dir;

  private ApplicationContext start(String target, String... more) {
    Map<String, Object> props =
        new HashMap<>(Map.of("skald.target", target, "skald.data-dir", dir.toString()));
    for (int i = 0; i < more.length; i += 2) {
      props.put(more[i], more[i + 1]);
    }
    return ApplicationContext.run(props);
  }

  private static boolean threadRunning(String name) {
    return Thread.getAllStackTraces().keySet().stream()
        .anyMatch(t -> t.getName().equals(name) && t.isAlive());
  }

  @Test
  void theCompactorServesCloudEventsAndRunsTheRouteOnlyWhenEnabled() {
    try (ApplicationContext ctx = start("compactor")) {
      assertThat(ctx.findBean(CloudEventsController.class)).isPresent();
      assertThat(ctx.findBean(StorageEventsService.class)).isEmpty();
    }
    try (ApplicationContext ctx = start("compactor", "skald.storage-events.enabled", "true")) {
      assertThat(ctx.findBean(StorageEventsService.class)).isPresent();
      assertThat(ctx.getBean(Readiness.class).names()).contains("storage-events");
      assertThat(ctx.getBean(Readiness.class).evaluate().ready()).isTrue();
      assertThat(threadRunning("skald-storage-events")).isTrue();
    }
  }

  @Test
  void otherTargetsHaveNeitherEvenWhenEnabled() {
    try (ApplicationContext ctx = start("ingest,querier", "skald.storage-events.enabled", "true")) {
      assertThat(ctx.findBean(CloudEventsController.class)).isEmpty();
      assertThat(ctx.findBean(StorageEventsService.class)).isEmpty();
    }
  }

  @Test
  void withoutTheBusLoopTheCompactorIsStillReady() {
    try (ApplicationContext ctx = start("compactor", "skald.compactor.consume-bus", "false")) {
      assertThat(threadRunning("skald-compactor-index")).isFalse();
      assertThat(ctx.findBean(CloudEventsController.class)).isPresent();
      assertThat(ctx.getBean(Readiness.class).evaluate().ready()).isTrue();
    }
  }
}
