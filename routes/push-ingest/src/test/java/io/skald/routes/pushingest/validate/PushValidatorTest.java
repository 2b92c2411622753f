package io.skald.routes.pushingest.validate;

import static org.assertj.core.api.Assertions.assertThat;

import io.skald.limits.Limits;
import io.skald.routes.pushingest.PushException;
import io.skald.routes.pushingest.model.MetadataPair;
import io.skald.routes.pushingest.model.PushEntry;
import io.skald.routes.pushingest.model.PushRequest;
import io.skald.routes.pushingest.model.PushStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PushValidatorTest {
  private static final Instant NOW = Instant.parse("2024-05-01T12:00:00Z");
  private static final long NOW_NS = NOW.getEpochSecond() * 1_000_000_000L;
  private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
  private static final String APP = "{app=\"a\", service_name=\"a\"}";

  private final PushValidator validator = new PushValidator(Limits.DEFAULTS, CLOCK);

  private static PushRequest request(PushStream... streams) {
    return new PushRequest(List.of(streams));
  }

  private static PushStream stream(String labels, PushEntry... entries) {
    return new PushStream(labels, List.of(entries));
  }

  private static PushEntry entry(long ts, String line, String... sm) {
    List<MetadataPair> pairs = new ArrayList<>();
    for (int i = 0; i < sm.length; i += 2) {
      pairs.add(new MetadataPair(sm[i], sm[i + 1]));
    }
    return new PushEntry(ts, line, pairs);
  }

  private static PushException refused(Runnable r) {
    try {
      r.run();
    } catch (PushException e) {
      return e;
    }
    throw new AssertionError("expected a PushException");
  }

  @Test
  void acceptsAValidPushAddingServiceNameAndDetectedLevel() {
    ValidatedPush v =
        validator.validate(
            request(
                stream(
                    "{env=\"prod\"}",
                    entry(NOW_NS, "level=warn disk almost full", "trace.id", "abc"),
                    entry(NOW_NS + 1, "plain line"))));

    assertThat(v.errorBody()).isNull();
    assertThat(v.hasRejections()).isFalse();
    assertThat(v.rejectedEntries()).isZero();
    assertThat(v.streams())
        .containsExactly(
            new ValidStream(
                "{env=\"prod\", service_name=\"unknown_service\"}",
                List.of(
                    entry(
                        NOW_NS,
                        "level=warn disk almost full",
                        "trace_id",
                        "abc",
                        "detected_level",
                        "warn"),
                    entry(NOW_NS + 1, "plain line", "detected_level", "unknown"))));
    assertThat(v.acceptedLines()).isEqualTo(2);
    assertThat(v.acceptedBytes())
        .isEqualTo(
            "level=warn disk almost full".length()
                + "trace_id".length()
                + 3
                + "plain line".length());
  }

  @Test
  void zeroStreamsIs422() {
    PushException e = refused(() -> validator.validate(request()));

    assertThat(e.status()).isEqualTo(422);
    assertThat(e.httpBody())
        .isEqualTo("error at least one valid stream is required for ingestion\n");
  }

  @Test
  void unparsableLabelsFailTheWholeRequest() {
    PushException e =
        refused(
            () ->
                validator.validate(
                    request(
                        stream("{app=\"a\"}", entry(NOW_NS, "ok")),
                        stream("{app=a}", entry(NOW_NS, "x")))));

    assertThat(e.status()).isEqualTo(400);
    assertThat(e.getMessage())
        .isEqualTo(
            "couldn't parse labels: 1:6: parse error: unexpected identifier \"a\" in label set, expected string");
  }

  @Test
  void partialAcceptanceGroupsMessagesLikeLoki() {
    long old = NOW_NS - Duration.ofDays(8).toNanos();
    long future = NOW_NS + Duration.ofMinutes(11).toNanos();
    String tooOld =
        "entry for stream '"
            + APP
            + "' has timestamp too old: 2024-04-23T12:00:00Z, "
            + "oldest acceptable timestamp is: 2024-04-24T12:00:00Z";
    String tooNew = "entry for stream '" + APP + "' has timestamp too new: 2024-05-01T12:11:00Z";
    StringBuilder many = new StringBuilder("{");
    for (int i = 0; i < 16; i++) {
      many.append(i == 0 ? "" : ",").append("l").append((char) ('a' + i)).append("=\"v\"");
    }
    many.append('}');

    ValidatedPush v =
        validator.validate(
            request(
                stream(
                    "{app=\"a\"}",
                    entry(old, "o1"),
                    entry(NOW_NS, "kept"),
                    entry(old, "o2"),
                    entry(future, "f")),
                stream(many.toString(), entry(NOW_NS, "dropped with its stream"))));

    assertThat(v.streams()).extracting(ValidStream::canonicalLabels).containsExactly(APP);
    assertThat(v.streams().get(0).entries()).extracting(PushEntry::line).containsExactly("kept");
    assertThat(v.rejectedEntries()).isEqualTo(4);
    assertThat(v.errorBody())
        .isEqualTo(
            "2 errors like: "
                + tooOld
                + "; 1 errors like: "
                + tooNew
                + "; 1 errors like: entry for stream '{la=\"v\", lb=\"v\", lc=\"v\", ld=\"v\", le=\"v\", lf=\"v\", lg=\"v\", "
                + "lh=\"v\", li=\"v\", lj=\"v\", lk=\"v\", ll=\"v\", lm=\"v\", ln=\"v\", lo=\"v\", lp=\"v\", "
                + "service_name=\"unknown_service\"}' has 16 label names; limit 15\n");
    assertThat(v.rejections())
        .extracting(Rejection::reason)
        .containsExactly(
            IngestRejection.GREATER_THAN_MAX_SAMPLE_AGE,
                IngestRejection.GREATER_THAN_MAX_SAMPLE_AGE,
            IngestRejection.TOO_FAR_IN_FUTURE, IngestRejection.MAX_LABEL_NAMES_PER_SERIES);
    assertThat(v.rejections().get(3).bytes()).isEqualTo("dropped with its stream".length());
  }

  @Test
  void aSingleErrorIsPrintedWithoutCount() {
    ValidatedPush v =
        new PushValidator(Limits.builder().maxLineSize(10).build(), CLOCK)
            .validate(
                request(
                    stream("{app=\"a\"}", entry(NOW_NS, "01234567890"), entry(NOW_NS, "short"))));

    assertThat(v.errorBody())
        .isEqualTo(
            "max entry size '10' bytes exceeded for stream '"
                + APP
                + "' while adding an entry with length '11' bytes\n");
    assertThat(v.streams().get(0).entries()).hasSize(1);
  }

  @Test
  void allEntriesRejectedLeavesNoStreams() {
    ValidatedPush v =
        validator.validate(
            request(stream("{app=\"a\"}", entry(NOW_NS + Duration.ofHours(1).toNanos(), "x"))));

    assertThat(v.streams()).isEmpty();
    assertThat(v.acceptedLines()).isZero();
    assertThat(v.errorBody())
        .isEqualTo("entry for stream '" + APP + "' has timestamp too new: 2024-05-01T13:00:00Z\n");
  }

  @Test
  void anEntryWithoutTimestampIsTooOldAtGosZeroTime() {
    ValidatedPush v =
        validator.validate(request(stream("{app=\"a\"}", entry(Long.MIN_VALUE, "x"))));

    assertThat(v.errorBody())
        .isEqualTo(
            "entry for stream '"
                + APP
                + "' has timestamp too old: 0001-01-01T00:00:00Z, "
                + "oldest acceptable timestamp is: 2024-04-24T12:00:00Z\n");
  }

  @Test
  void oldSamplesAreKeptWhenRejectionIsOff() {
    ValidatedPush v =
        new PushValidator(Limits.builder().rejectOldSamples(false).build(), CLOCK)
            .validate(request(stream("{app=\"a\"}", entry(0, "1970"))));

    assertThat(v.errorBody()).isNull();
  }

  @Test
  void truncatesLongLinesWhenConfigured() {
    Limits limits =
        Limits.builder()
            .maxLineSize(10)
            .maxLineSizeTruncate(true)
            .maxLineSizeTruncateIdentifier("...")
            .build();

    ValidatedPush v =
        new PushValidator(limits, CLOCK)
            .validate(
                request(
                    stream(
                        "{app=\"a\"}",
                        entry(NOW_NS, "0123456789abcdef"),
                        entry(NOW_NS, "éééééééé"))));

    assertThat(v.errorBody()).isNull();
    assertThat(v.streams().get(0).entries())
        .extracting(PushEntry::line)
        .containsExactly("0123456...", "ééé...");
  }

  @Test
  void labelChecks() {
    // service_name itself is 12 bytes long
    PushValidator small = new PushValidator(Limits.builder().maxLabelNameLength(12).build(), CLOCK);

    assertThat(
            small
                .validate(request(stream("{abcdefghijklm=\"a\"}", entry(NOW_NS, "x"))))
                .errorBody())
        .isEqualTo(
            "stream '{abcdefghijklm=\"a\", service_name=\"unknown_service\"}' has label name too long: "
                + "'abcdefghijklm'\n");
    assertThat(
            new PushValidator(Limits.builder().maxLabelValueLength(3).build(), CLOCK)
                .validate(request(stream("{app=\"abcd\"}", entry(NOW_NS, "x"))))
                .errorBody())
        .isEqualTo(
            "stream '{app=\"abcd\", service_name=\"abcd\"}' has label value too long: 'abcd'\n");
    assertThat(
            validator
                .validate(request(stream("{app=\"a\", app=\"b\"}", entry(NOW_NS, "x"))))
                .errorBody())
        .isEqualTo(
            "stream '{app=\"a\", app=\"b\", service_name=\"a\"}' has duplicate label name: 'app'\n");
  }

  @Test
  void serviceNameIsNotCountedAgainstTheLabelLimit() {
    StringBuilder fifteen = new StringBuilder("{service_name=\"s\"");
    for (int i = 0; i < 15; i++) {
      fifteen.append(", l").append((char) ('a' + i)).append("=\"v\"");
    }
    fifteen.append('}');

    assertThat(
            validator.validate(request(stream(fifteen.toString(), entry(NOW_NS, "x")))).errorBody())
        .isNull();
  }

  @Test
  void missingLabelsWhenDiscoveryIsOff() {
    PushValidator noDiscovery =
        new PushValidator(Limits.builder().discoverServiceName(List.of()).build(), CLOCK);

    assertThat(noDiscovery.validate(request(stream("{}", entry(NOW_NS, "x")))).errorBody())
        .isEqualTo("error at least one label pair is required per stream\n");
  }

  @Test
  void structuredMetadataChecks() {
    assertThat(
            new PushValidator(Limits.builder().allowStructuredMetadata(false).build(), CLOCK)
                .validate(request(stream("{app=\"a\"}", entry(NOW_NS, "x", "k", "v"))))
                .errorBody())
        .isEqualTo(
            "stream '"
                + APP
                + "' includes structured metadata, but this feature is disallowed. Please see "
                + "`limits_config.allow_structured_metadata` or contact your Loki administrator to enable it\n");
    assertThat(
            new PushValidator(Limits.builder().maxStructuredMetadataSize(3).build(), CLOCK)
                .validate(request(stream("{app=\"a\"}", entry(NOW_NS, "x", "key", "v"))))
                .errorBody())
        .isEqualTo(
            "stream '"
                + APP
                + "' has structured metadata too large: '4' bytes, limit: '3' bytes. Please see "
                + "`limits_config.max_structured_metadata_size` or contact your Loki administrator to increase it\n");
    assertThat(
            new PushValidator(Limits.builder().maxStructuredMetadataEntriesCount(1).build(), CLOCK)
                .validate(request(stream("{app=\"a\"}", entry(NOW_NS, "x", "a", "1", "b", "2"))))
                .errorBody())
        .isEqualTo(
            "stream '"
                + APP
                + "' has too many structured metadata labels: '2', limit: '1'. Please see "
                + "`limits_config.max_structured_metadata_entries_count` or contact your Loki administrator to increase it\n");
  }

  @Test
  void structuredMetadataIsNormalisedSortedAndGetsTheLevelLast() {
    ValidatedPush v =
        validator.validate(
            request(
                stream(
                    "{app=\"a\"}",
                    entry(
                        NOW_NS, "msg", "z", "1", "http.method", "GET", "detected_level", "WARNING"),
                    entry(NOW_NS, "msg", "severity", "E", "a", "x\uFFFDy"))));

    assertThat(v.streams().get(0).entries())
        .extracting(PushEntry::structuredMetadata)
        .containsExactly(
            List.of(
                new MetadataPair("detected_level", "warn"),
                new MetadataPair("http_method", "GET"),
                new MetadataPair("z", "1")),
            List.of(
                new MetadataPair("a", "xy"),
                new MetadataPair("severity", "E"),
                new MetadataPair("detected_level", "E")));
  }

  @Test
  void anUnnormalisableMetadataNameIsA400NotLokis500() {
    PushException e =
        refused(
            () -> validator.validate(request(stream("{app=\"a\"}", entry(NOW_NS, "x", "", "v")))));

    assertThat(e.status()).isEqualTo(400);
    assertThat(e.getMessage()).isEqualTo("label name is empty");
  }

  @Test
  void noDetectedLevelWhenDiscoveryIsOff() {
    ValidatedPush v =
        new PushValidator(Limits.builder().discoverLogLevels(false).build(), CLOCK)
            .validate(request(stream("{app=\"a\"}", entry(NOW_NS, "error!"))));

    assertThat(v.streams().get(0).entries().get(0).structuredMetadata()).isEmpty();
  }

  @Test
  void incrementsDuplicateTimestampsOfDifferentLines() {
    ValidatedPush v =
        new PushValidator(
                Limits.builder().incrementDuplicateTimestamp(true).discoverLogLevels(false).build(),
                CLOCK)
            .validate(
                request(
                    stream(
                        "{app=\"a\"}",
                        entry(NOW_NS, "a"),
                        entry(NOW_NS, "b"),
                        entry(NOW_NS, "b"),
                        entry(NOW_NS, "c"),
                        entry(NOW_NS + 10, "d"))));

    assertThat(v.streams().get(0).entries())
        .extracting(PushEntry::timestampNanos)
        .containsExactly(NOW_NS, NOW_NS + 1, NOW_NS, NOW_NS + 1, NOW_NS + 10);
  }

  @Test
  void emptyLabelValuesAreDroppedBeforeIdentity() {
    ValidatedPush v =
        validator.validate(
            request(stream("{a=\"\", b=\"1\", service_name=\"\"}", entry(NOW_NS, "x"))));

    assertThat(v.streams().get(0).canonicalLabels())
        .isEqualTo("{b=\"1\", service_name=\"unknown_service\"}");
  }

  @Test
  void streamsWithoutEntriesAreSkippedSilently() {
    ValidatedPush v = validator.validate(request(stream("{app=\"a\", app=\"b\"}")));

    assertThat(v.streams()).isEmpty();
    assertThat(v.errorBody()).isNull();
  }

  @Test
  void internalStreamsSkipDiscoveryAndLabelChecks() {
    StringBuilder labels = new StringBuilder("{__aggregated_metric__=\"x\"");
    for (int i = 0; i < 20; i++) {
      labels.append(", l").append((char) ('a' + i)).append("=\"v\"");
    }
    ValidatedPush v =
        validator.validate(request(stream(labels.append('}').toString(), entry(NOW_NS, "x"))));

    assertThat(v.errorBody()).isNull();
    assertThat(v.streams().get(0).canonicalLabels()).doesNotContain("service_name");
  }

  @Test
  void reservedBackfillLabelsAreRefused() {
    PushException e =
        refused(
            () ->
                validator.validate(request(stream("{__backfill__=\"true\"}", entry(NOW_NS, "x")))));

    assertThat(e.status()).isEqualTo(400);
    assertThat(e.getMessage())
        .isEqualTo(
            "streams must not contain the reserved labels __backfill__ or __backfill_shard__; "
                + "set the X-Loki-Backfill-Shard header to mark a push as backfill data");
  }

  @Test
  void hugeLabelTextIs413() {
    String labels = "{a=\"" + "x".repeat(1 << 24) + "\"}";

    PushException e =
        refused(() -> validator.validate(request(stream(labels, entry(NOW_NS, "x")))));

    assertThat(e.status()).isEqualTo(413);
    assertThat(e.getMessage())
        .isEqualTo("request body too large: stream labels size 17 MB exceeds limit of 17 MB");
  }

  @Test
  void perTenantLimitsOverrideTheDefaults() {
    ValidatedPush v =
        validator.validate(
            request(stream("{app=\"a\"}", entry(NOW_NS, "0123456789"))),
            Limits.builder().maxLineSize(5).build());

    assertThat(v.rejectedEntries()).isEqualTo(1);
  }
}
