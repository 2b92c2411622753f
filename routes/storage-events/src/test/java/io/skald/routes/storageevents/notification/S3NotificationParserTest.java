package io.skald.routes.storageevents.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class S3NotificationParserTest {

  private static final String SEGMENT = "segments/fake/2026-11-25/0001-00000000000000000042.seg";

  private final S3NotificationParser parser = new S3NotificationParser();

  private List<S3EventRecord> parse(String json) throws MalformedNotificationException {
    return parser.parse(json.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void readsAwsNotifications() throws Exception {
    assertThat(parser.parse(Samples.file("aws-put.json")))
        .containsExactly(
            new S3EventRecord(
                "ObjectCreated:Put",
                "aws:s3",
                Instant.parse("2026-11-25T10:15:30.123Z"),
                "loki-chunks",
                SEGMENT,
                1024,
                "d41d8cd98f00b204e9800998ecf8427e"));
  }

  @Test
  void readsMinioNotificationsInTheirWrapperWithEncodedSlashesAndQuotedETags() throws Exception {
    assertThat(parser.parse(Samples.file("minio-put.json")))
        .containsExactly(
            new S3EventRecord(
                "s3:ObjectCreated:Put",
                "minio:s3",
                Instant.parse("2026-11-25T10:15:30.123456789Z"),
                "loki-chunks",
                SEGMENT,
                2048,
                "9b2cf535f27731c974343645a3985328"));
  }

  @Test
  void readsCephMultipartNotifications() throws Exception {
    S3EventRecord r = parser.parse(Samples.file("ceph-multipart.json")).get(0);
    assertThat(r.eventName()).isEqualTo("ObjectCreated:CompleteMultipartUpload");
    assertThat(r.eventSource()).isEqualTo("ceph:s3");
    assertThat(r.key()).isEqualTo("segments/team a/2026-11-25/0000-00000000000000000007.seg");
    assertThat(r.size()).isEqualTo(52_428_800L);
    assertThat(r.eventTime()).isEqualTo(Instant.parse("2026-11-25T10:15:30.123456Z"));
  }

  @ParameterizedTest
  @CsvSource({
    "a%2Fb+c, a/b c",
    "segments%2Ffake%2F2026-11-25%2F0001-00000000000000000042.seg, " + SEGMENT,
    SEGMENT + ", " + SEGMENT,
    "caf%C3%A9, café"
  })
  void decodesUrlEncodedKeys(String raw, String decoded) throws Exception {
    assertThat(parser.parse(Samples.notification("ObjectCreated:Put", "b", raw)).get(0).key())
        .isEqualTo(decoded);
  }

  @Test
  void keepsRecordsInOrderAndToleratesMissingOptionalFields() throws Exception {
    List<S3EventRecord> records =
        parse(
            "{\"Records\":["
                + Samples.record("ObjectCreated:Put", "b", "k1")
                + ","
                + "{\"eventName\":\"ObjectCreated:Copy\",\"eventTime\":\"2026-11-25 10:15:30.5Z\",\"s3\":{\"bucket\":{\"name\":\"b\"},"
                + "\"object\":{\"key\":\"k2\"}}}]}");
    assertThat(records).extracting(S3EventRecord::key).containsExactly("k1", "k2");
    S3EventRecord bare = records.get(1);
    assertThat(bare.size()).isEqualTo(-1);
    assertThat(bare.eTag()).isNull();
    assertThat(bare.eventSource()).isNull();
    assertThat(bare.eventTime())
        .as("Ceph's space-separated time")
        .isEqualTo(Instant.parse("2026-11-25T10:15:30.500Z"));
  }

  @Test
  void anUnreadableEventTimeIsNotAnError() throws Exception {
    String json =
        new String(Samples.notification("ObjectCreated:Put", "b", "k"), StandardCharsets.UTF_8)
            .replace("2026-11-25T10:15:30.000Z", "yesterday");
    assertThat(parse(json).get(0).eventTime()).isNull();
  }

  @Test
  void awsTestEventsAnnounceNothing() throws Exception {
    assertThat(parser.parse(Samples.file("aws-test-event.json"))).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "{\"Records\":",
        "not json",
        "[1,2]",
        "\"Records\"",
        "{}",
        "{\"Records\":{}}",
        "{\"Records\":[1]}",
        "{\"Records\":[{\"eventName\":\"ObjectCreated:Put\"}]}",
        "{\"Records\":[{\"s3\":{\"bucket\":{\"name\":\"b\"},\"object\":{\"key\":\"k\"}}}]}",
        "{\"Records\":[{\"eventName\":\"ObjectCreated:Put\",\"s3\":{\"bucket\":{\"name\":\"b\"},\"object\":{\"key\":\"\"}}}]}",
        "{\"Records\":[{\"eventName\":\"ObjectCreated:Put\",\"s3\":{\"bucket\":{},\"object\":{\"key\":\"k\"}}}]}",
        "{\"Records\":[{\"eventName\":\"ObjectCreated:Put\",\"s3\":{\"bucket\":{\"name\":\"b\"},\"object\":{\"key\":\"k\",\"size\":-1}}}]}",
        "{\"Records\":[{\"eventName\":\"ObjectCreated:Put\",\"s3\":{\"bucket\":{\"name\":\"b\"},\"object\":{\"key\":\"k\",\"size\":\"big\"}}}]}"
      })
  void rejectsWhatIsNotANotification(String json) {
    assertThatThrownBy(() -> parse(json)).isInstanceOf(MalformedNotificationException.class);
  }

  @Test
  void rejectsKeysThatAreNotUrlEncoded() {
    assertThatThrownBy(
            () -> parser.parse(Samples.notification("ObjectCreated:Put", "b", "segments%zz")))
        .isInstanceOf(MalformedNotificationException.class)
        .hasMessage("Records[0].s3.object.key is not URL-encoded: segments%zz");
  }

  @Test
  void saysWhereTheJsonIsBroken() {
    assertThatThrownBy(() -> parse("{\"Records\":["))
        .hasMessage(
            "invalid JSON at line 1, column 13: Unexpected end-of-input: expected close marker for Array");
    assertThatThrownBy(
            () ->
                parse(
                    "{\"Records\":[{\"eventName\":\"ObjectCreated:Put\",\"s3\":{\"bucket\":{\"name\":\"b\"},\"object\":{}}}]}"))
        .hasMessage("Records[0].s3.object.key is missing");
  }

  @ParameterizedTest
  @CsvSource({
    "ObjectCreated:Put, true",
    "ObjectCreated:Post, true",
    "ObjectCreated:Copy, true",
    "ObjectCreated:CompleteMultipartUpload, true",
    "s3:ObjectCreated:Put, true",
    "ObjectCreated:, false",
    "ObjectRemoved:Delete, false",
    "s3:ObjectRemoved:DeleteMarkerCreated, false",
    "s3:ObjectAccessed:Get, false",
    "ObjectCreatedPut, false"
  })
  void knowsWhichEventTypesAnnounceANewObject(String eventName, boolean created) {
    assertThat(new S3EventRecord(eventName, null, null, "b", "k", 0, null).isObjectCreated())
        .isEqualTo(created);
  }
}
