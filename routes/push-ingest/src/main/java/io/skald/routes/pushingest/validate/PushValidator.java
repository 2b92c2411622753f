package io.skald.routes.pushingest.validate;

import io.skald.gocompat.GoTime;
import io.skald.gocompat.Utf8;
import io.skald.labels.Label;
import io.skald.labels.LabelSet;
import io.skald.labels.LabelSyntaxException;
import io.skald.labels.SeriesParser;
import io.skald.limits.Limits;
import io.skald.routes.pushingest.PushException;
import io.skald.routes.pushingest.model.MetadataPair;
import io.skald.routes.pushingest.model.PushEntry;
import io.skald.routes.pushingest.model.PushRequest;
import io.skald.routes.pushingest.model.PushStream;
import io.skald.routes.pushingest.util.Humanize;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Validates a decoded push request the way Loki's push parser and distributor do, in their order:
 *
 * <ol>
 *   <li>per stream: label text over 16 MiB (413), labels that do not parse (400 {@code couldn't
 *       parse labels: ...}), reserved backfill labels (400) fail the whole request; {@code
 *       service_name} is discovered;
 *   <li>no streams at all: 422 {@code error at least one valid stream is required for ingestion};
 *   <li>per stream with entries: lines truncated if configured; label checks (the stream is dropped
 *       on failure); per entry the time, line-size and structured-metadata checks (the entry is
 *       dropped on failure); metadata names normalised; {@code detected_level} added; duplicate
 *       timestamps incremented if configured.
 * </ol>
 *
 * Dropped data is reported in {@link ValidatedPush#errorBody()} (Loki answers 400 after writing the
 * rest). Stateless apart from the clock; thread-safe.
 */
public final class PushValidator {
  static final int MAX_STREAM_LABELS_SIZE = 1 << 24;
  static final String NO_STREAMS = "error at least one valid stream is required for ingestion";
  static final String BACKFILL_LABEL = "__backfill__";
  static final String BACKFILL_SHARD_LABEL = "__backfill_shard__";
  static final String RESERVED_BACKFILL =
      "streams must not contain the reserved labels __backfill__ or "
          + "__backfill_shard__; set the X-Loki-Backfill-Shard header to mark a push as backfill data";

  private final Limits defaults;
  private final Clock clock;
  private final DetectedLevel defaultLevels;

  public PushValidator(Limits limits, Clock clock) {
    this.defaults = limits;
    this.clock = clock;
    this.defaultLevels = levelsFor(limits);
  }

  private static DetectedLevel levelsFor(Limits limits) {
    return limits.allowStructuredMetadata() && limits.discoverLogLevels()
        ? new DetectedLevel(limits.logLevelFields(), limits.logLevelFromJsonMaxDepth())
        : null;
  }

  /** Validates with the limits given at construction. */
  public ValidatedPush validate(PushRequest request) {
    return validate(request, defaults);
  }

  /**
   * Validates with per-tenant limits.
   *
   * @throws PushException 400, 413 or 422 when the whole request is refused (including a
   *     structured-metadata name that cannot be normalised, where Loki answers 500)
   */
  public ValidatedPush validate(PushRequest request, Limits limits) {
    List<Prepared> prepared = prepare(request, limits);
    if (prepared.isEmpty()) {
      throw new PushException(422, NO_STREAMS);
    }
    Instant now = clock.instant();
    long nowNanos = GoTime.saturatedNanos(now.getEpochSecond(), now.getNano());
    long oldest = nowNanos - limits.rejectOldSamplesMaxAge().toNanos();
    long newest = nowNanos + limits.creationGracePeriod().toNanos();
    EntryChecks checks = new EntryChecks(limits, oldest, newest);
    DetectedLevel levels = limits == defaults ? defaultLevels : levelsFor(limits);

    List<ValidStream> streams = new ArrayList<>();
    List<Rejection> rejections = new ArrayList<>();
    long lines = 0;
    long bytes = 0;
    for (Prepared s : prepared) {
      List<PushEntry> entries = s.source.entries();
      if (entries.isEmpty()) {
        continue;
      }
      entries = truncate(entries, limits);
      Rejection labelError = LabelChecks.check(s.labels, s.canonical, entries, limits);
      if (labelError != null) {
        rejections.add(labelError);
        continue;
      }
      List<PushEntry> accepted = new ArrayList<>(entries.size());
      long prevTs = entries.get(0).timestampNanos();
      for (PushEntry e : entries) {
        Rejection entryError = checks.check(s.canonical, e);
        if (entryError != null) {
          rejections.add(entryError);
          continue;
        }
        List<MetadataPair> sm = StructuredMetadataNormalizer.normalize(e.structuredMetadata());
        if (levels != null) {
          sm = withDetectedLevel(levels, s.labels, sm, e.line());
        }
        long ts = e.timestampNanos();
        if (limits.incrementDuplicateTimestamp() && !accepted.isEmpty()) {
          PushEntry prev = accepted.get(accepted.size() - 1);
          if (!prev.line().equals(e.line()) && (ts == prevTs || ts == prev.timestampNanos())) {
            ts = prev.timestampNanos() + 1;
          } else {
            prevTs = ts;
          }
        }
        accepted.add(new PushEntry(ts, e.line(), sm));
        bytes += EntryChecks.entrySize(e.line(), sm);
      }
      if (accepted.isEmpty()) {
        continue;
      }
      lines += accepted.size();
      streams.add(new ValidStream(s.canonical, accepted));
    }
    int rejected = 0;
    List<String> messages = new ArrayList<>(rejections.size());
    for (Rejection r : rejections) {
      rejected += r.entries();
      messages.add(r.message());
    }
    String grouped = PushErrorFormatter.group(messages);
    String body = grouped == null ? null : PushErrorFormatter.httpBody(grouped);
    return new ValidatedPush(streams, rejected, body, lines, bytes, rejections);
  }

  private record Prepared(PushStream source, List<Label> labels, String canonical) {}

  /** The push parser's pass: label text checks, parsing and service_name discovery. */
  private static List<Prepared> prepare(PushRequest request, Limits limits) {
    ServiceNameDiscovery discovery = new ServiceNameDiscovery(limits.discoverServiceName());
    List<Prepared> out = new ArrayList<>(request.streams().size());
    for (PushStream s : request.streams()) {
      int size = Utf8.length(s.labelsText());
      if (size > MAX_STREAM_LABELS_SIZE) {
        throw new PushException(
            413,
            "request body too large: stream labels size "
                + Humanize.bytes(size)
                + " exceeds limit of "
                + Humanize.bytes(MAX_STREAM_LABELS_SIZE));
      }
      List<Label> labels = streamLabels(s.labelsText());
      if (ServiceNameDiscovery.get(labels, BACKFILL_LABEL) != null
          || ServiceNameDiscovery.get(labels, BACKFILL_SHARD_LABEL) != null) {
        throw new PushException(400, RESERVED_BACKFILL);
      }
      labels = discovery.apply(labels);
      out.add(new Prepared(s, labels, LabelSet.format(labels)));
    }
    return out;
  }

  /**
   * Loki's {@code syntax.ParseLabels}: the Prometheus series grammar, then labels with empty values
   * dropped and the rest sorted by name; duplicates stay, for validation to refuse.
   *
   * @throws PushException 400 {@code couldn't parse labels: <line>:<col>: parse error: <detail>}
   */
  static List<Label> streamLabels(String text) {
    List<Label> labels;
    try {
      labels = new ArrayList<>(SeriesParser.parse(text));
    } catch (LabelSyntaxException e) {
      throw new PushException(400, "couldn't parse labels: " + e.getMessage());
    }
    labels.removeIf(l -> l.value().isEmpty());
    labels.sort((a, b) -> Utf8.compare(a.name(), b.name())); // stable: duplicates keep their order
    return labels;
  }

  private static List<PushEntry> truncate(List<PushEntry> entries, Limits limits) {
    int max = limits.maxLineSize();
    if (!limits.maxLineSizeTruncate() || max == 0) {
      return entries;
    }
    String suffix = limits.maxLineSizeTruncateIdentifier();
    int keep = max - Utf8.length(suffix);
    if (keep <= 0) {
      return entries;
    }
    List<PushEntry> out = null;
    for (int i = 0; i < entries.size(); i++) {
      PushEntry e = entries.get(i);
      if (Utf8.length(e.line()) > max) {
        if (out == null) {
          out = new ArrayList<>(entries);
        }
        out.set(
            i,
            new PushEntry(
                e.timestampNanos(),
                Utf8.truncateToBytes(e.line(), keep) + suffix,
                e.structuredMetadata()));
      }
    }
    return out == null ? entries : out;
  }

  private static List<MetadataPair> withDetectedLevel(
      DetectedLevel levels, List<Label> labels, List<MetadataPair> sm, String line) {
    for (int i = 0; i < sm.size(); i++) {
      MetadataPair p = sm.get(i);
      if (p.name().equals(DetectedLevel.LABEL)) {
        String normalized = DetectedLevel.normalize(p.value());
        if (normalized.equals(p.value())) {
          return sm;
        }
        List<MetadataPair> copy = new ArrayList<>(sm);
        copy.set(i, new MetadataPair(DetectedLevel.LABEL, normalized));
        return copy;
      }
    }
    String level = levels.detect(labels, sm, line);
    if (level == null) {
      return sm;
    }
    List<MetadataPair> out = new ArrayList<>(sm.size() + 1);
    out.addAll(sm);
    out.add(new MetadataPair(DetectedLevel.LABEL, level));
    return out;
  }
}
