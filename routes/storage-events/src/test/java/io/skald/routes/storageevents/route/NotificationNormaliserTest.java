package io.skald.routes.storageevents.route;

import static org.assertj.core.api.Assertions.assertThat;

import io.skald.bus.BusRecord;
import io.skald.events.v1.ObjectCreated;
import io.skald.routes.storageevents.notification.Samples;
import io.skald.schemas.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class NotificationNormaliserTest {

  private static final String SEGMENT = "segments/fake/2026-11-25/0001-00000000000000000042.seg";
  private static final long RECORD_TIME = 1_764_000_000_000L;

  private final NotificationNormaliser normaliser = new NotificationNormaliser("loki-chunks");

  private static BusRecord record(byte[] value) {
    return new BusRecord(Topics.STORAGE_EVENTS_S3, 0, 7, null, value, RECORD_TIME);
  }

  private Normalised normalise(byte[] value) {
    return normaliser.normalise(record(value));
  }

  /** The record key the event is published with. */
  private static String tenantKey(ObjectCreated e) {
    return new String(Topics.OBJECT_CREATED.key(e), StandardCharsets.UTF_8);
  }

  @Test
  void anAwsPutBecomesObjectCreatedOfItsTenant() {
    Normalised n = normalise(Samples.file("aws-put.json"));
    assertThat(n.rejections()).isEmpty();
    assertThat(n.events())
        .containsExactly(
            ObjectCreated.newBuilder()
                .setBucket("loki-chunks")
                .setKey(SEGMENT)
                .setSize(1024)
                .setETag("d41d8cd98f00b204e9800998ecf8427e")
                .setEventTimeMillis(Instant.parse("2026-11-25T10:15:30.123Z").toEpochMilli())
                .setSource("s3-notification")
                .build());
    assertThat(tenantKey(n.events().get(0))).isEqualTo("fake");
  }

  @Test
  void minioAndCephNotificationsNormaliseAlike() {
    assertThat(normalise(Samples.file("minio-put.json")).events())
        .singleElement()
        .satisfies(
            e -> {
              assertThat(tenantKey(e)).isEqualTo("fake");
              assertThat(e.getKey()).isEqualTo(SEGMENT);
              assertThat(e.getSize()).isEqualTo(2048);
            });
    assertThat(normalise(Samples.file("ceph-multipart.json")).events())
        .singleElement()
        .satisfies(
            e -> {
              assertThat(tenantKey(e)).isEqualTo("team a");
              assertThat(e.getKey())
                  .isEqualTo("segments/team a/2026-11-25/0000-00000000000000000007.seg");
            });
  }

  @Test
  void missingTimeAndSizeFallBackToTheRecordTimeAndZero() {
    String json =
        "{\"Records\":[{\"eventName\":\"ObjectCreated:Put\",\"s3\":{\"bucket\":{\"name\":\"loki-chunks\"},"
            + "\"object\":{\"key\":\""
            + SEGMENT
            + "\"}}}]}";
    ObjectCreated e = normalise(json.getBytes(StandardCharsets.UTF_8)).events().get(0);
    assertThat(e.getEventTimeMillis()).isEqualTo(RECORD_TIME);
    assertThat(e.getSize()).isZero();
    assertThat(e.getETag()).isNull();
  }

  @Test
  void otherEventTypesAreRejected() {
    Normalised n = normalise(Samples.file("aws-delete.json"));
    assertThat(n.events()).isEmpty();
    assertThat(n.reason()).isEqualTo("unsupported event type ObjectRemoved:Delete for " + SEGMENT);
  }

  @Test
  void foreignBucketsAreRejected() {
    Normalised n = normalise(Samples.notification("ObjectCreated:Put", "loki-ruler", SEGMENT));
    assertThat(n.events()).isEmpty();
    assertThat(n.reason())
        .isEqualTo("object in foreign bucket loki-ruler (expected loki-chunks): " + SEGMENT);
  }

  @Test
  void keysThatAreNotSegmentsAreRejected() {
    assertThat(
            normalise(Samples.notification("ObjectCreated:Put", "loki-chunks", "a%2Fb+c")).reason())
        .isEqualTo("not a segment key: a/b c");
    assertThat(
            normalise(
                    Samples.notification(
                        "ObjectCreated:Put", "loki-chunks", "index/v1/fake/2026-11-25.json"))
                .reason())
        .isEqualTo("not a segment key: index/v1/fake/2026-11-25.json");
    assertThat(
            normalise(
                    Samples.notification(
                        "ObjectCreated:Put", "loki-chunks", "segments/fake/25-11-2026/0000-1.seg"))
                .reason())
        .startsWith("not a segment key");
  }

  @Test
  void malformedNotificationsAreRejectedWithTheParsersReason() {
    assertThat(normalise("{\"Records\":[".getBytes(StandardCharsets.UTF_8)).reason())
        .startsWith("malformed S3 notification: invalid JSON at line 1");
    assertThat(normalise("{}".getBytes(StandardCharsets.UTF_8)).reason())
        .isEqualTo("malformed S3 notification: no Records array");
    assertThat(normalise(new byte[0]).reason())
        .isEqualTo("malformed S3 notification: empty record");
  }

  @Test
  void aMixedNotificationKeepsItsGoodRecordsAndNamesTheBadOnes() {
    String json =
        "{\"Records\":["
            + Samples.record("ObjectCreated:Put", "loki-chunks", SEGMENT)
            + ","
            + Samples.record("ObjectRemoved:Delete", "loki-chunks", SEGMENT)
            + ","
            + Samples.record("ObjectCreated:Put", "other", SEGMENT)
            + "]}";
    Normalised n = normalise(json.getBytes(StandardCharsets.UTF_8));
    assertThat(n.events()).hasSize(1);
    assertThat(n.rejections())
        .containsExactly(
            "Records[1]: unsupported event type ObjectRemoved:Delete for " + SEGMENT,
            "Records[2]: object in foreign bucket other (expected loki-chunks): " + SEGMENT);
  }

  @Test
  void aTestEventIsNeitherPublishedNorRejected() {
    Normalised n = normalise(Samples.file("aws-test-event.json"));
    assertThat(n.events()).isEmpty();
    assertThat(n.rejected()).isFalse();
  }
}
