package io.skald.routes.pushingest.route;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.skald.bus.Bus;
import io.skald.bus.BusConsumer;
import io.skald.bus.BusRecord;
import io.skald.bus.local.LocalLogBus;
import io.skald.bus.local.LocalLogConfig;
import io.skald.events.v1.LogBatch;
import io.skald.limits.Limits;
import io.skald.limits.TenantLimits;
import io.skald.routes.pushingest.PushRoute;
import io.skald.routes.pushingest.decode.PushRequestDecoder;
import io.skald.routes.pushingest.ratelimit.IngestionRateLimiter;
import io.skald.routes.pushingest.validate.PushValidator;
import io.skald.schemas.Topics;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Camel route with its real steps over a real local bus. */
class PushIngestRouteTest {

  @TempDir Path dir;
  private Bus bus;
  private CamelContext camel;
  private ProducerTemplate template;
  private final long now = System.currentTimeMillis() * 1_000_000L;

  @BeforeEach
  void start() throws Exception {
    bus =
        LocalLogBus.open(
            new LocalLogConfig(dir, 2, Map.of(), LocalLogConfig.DEFAULT_SEGMENT_BYTES)
                .withSendTimeout(Duration.ofSeconds(2)));
    Clock clock = Clock.systemUTC();
    PushSteps steps =
        new PushSteps(
            new PushRequestDecoder(),
            new PushValidator(Limits.DEFAULTS, clock),
            TenantLimits.of(Limits.DEFAULTS),
            new IngestionRateLimiter(4, 6, clock),
            new LogBatchPublisher(bus.producer(), Topics.LOGS_PUSH, clock),
            new IngestMetrics(new SimpleMeterRegistry()));
    camel = new DefaultCamelContext();
    camel.addRoutes(new PushIngestRoute(steps));
    camel.start();
    template = camel.createProducerTemplate();
  }

  @AfterEach
  void stop() throws Exception {
    template.close();
    camel.close();
    bus.close();
  }

  private PushReply push(String json) {
    return template.requestBody(
        PushIngestRoute.ENDPOINT,
        new PushCall(
            "fake", json.getBytes(StandardCharsets.UTF_8), "application/json", null, PushRoute.V1),
        PushReply.class);
  }

  private List<LogBatch> published() throws Exception {
    List<LogBatch> out = new ArrayList<>();
    try (BusConsumer c = bus.consumer("test", Topics.LOGS_PUSH)) {
      for (int i = 0; i < 5; i++) {
        for (BusRecord r : c.poll(Duration.ofMillis(50))) {
          LogBatch batch = Topics.LOG_BATCH.decode(r.value());
          assertThat(new String(r.key(), StandardCharsets.UTF_8))
              .as("keyed by tenant and stream")
              .isEqualTo(batch.getTenant() + batch.getLabels());
          out.add(batch);
        }
      }
    }
    return out;
  }

  @Test
  void acceptedStreamsArePublishedAsOneBatchPerStreamBefore204() throws Exception {
    PushReply reply =
        push(
            "{\"streams\":[{\"stream\":{\"app\":\"a\"},\"values\":[[\""
                + now
                + "\",\"one\"],[\""
                + (now + 1)
                + "\",\"two\"]]},{\"stream\":{\"app\":\"b\",\"empty\":\"\"},\"values\":[[\""
                + now
                + "\",\"three\"]]}]}");
    assertThat(reply).isEqualTo(PushReply.ACCEPTED);
    List<LogBatch> batches = published();
    assertThat(batches)
        .extracting(LogBatch::getLabels)
        .containsExactlyInAnyOrder(
            "{app=\"a\", service_name=\"a\"}", "{app=\"b\", service_name=\"b\"}");
    assertThat(batches).allSatisfy(b -> assertThat(b.getTenant()).isEqualTo("fake"));
    assertThat(batches.stream().mapToInt(b -> b.getEntries().size()).sum()).isEqualTo(3);
  }

  @Test
  void partialAcceptanceStoresTheValidPartAndAnswers400() throws Exception {
    PushReply reply =
        push(
            "{\"streams\":[{\"stream\":{\"app\":\"a\"},\"values\":[[\"1000\",\"old\"],[\""
                + now
                + "\",\"new\"]]}]}");
    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.body())
        .startsWith("entry for stream '{app=\"a\", service_name=\"a\"}' has timestamp too old")
        .endsWith("\n");
    assertThat(published())
        .singleElement()
        .satisfies(
            b -> assertThat(b.getEntries()).extracting(e -> e.getLine()).containsExactly("new"));
  }

  @Test
  void decodeErrorsTouchNothing() throws Exception {
    assertThat(push("{\"streams\":").status()).isEqualTo(400);
    assertThat(push("{\"streams\":[]}"))
        .isEqualTo(
            new PushReply(422, "error at least one valid stream is required for ingestion\n"));
    assertThat(published()).isEmpty();
  }

  @Test
  void aBusThatCannotMakeTheBatchDurableGives503() throws Exception {
    bus.close();
    PushReply reply =
        push(
            "{\"streams\":[{\"stream\":{\"app\":\"a\"},\"values\":[[\""
                + now
                + "\",\"lost?\"]]}]}");
    assertThat(reply.status()).isEqualTo(503);
  }
}
