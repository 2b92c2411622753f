package io.skald.deletes;

import io.skald.labels.Label;
import io.skald.labels.LabelSet;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Decides whether a log line is covered by a tenant's delete requests: its stream matches a
 * request's selector, its timestamp lies in the request's range (both ends inclusive) and the
 * request's pipeline keeps the line (line filters, parsers and label filters, including filters on
 * structured metadata, as in Loki). Queriers use it to hide lines before they are removed
 * physically; {@code DeleteProcessor} uses it to remove them. Immutable and thread-safe; the
 * per-stream {@link StreamDeletes} is not.
 */
public final class DeleteFilter {

  private record Rule(DeleteQuery query, long startNanos, long endNanos) {
    boolean covers(long ts) {
      return ts >= startNanos && ts <= endNanos;
    }
  }

  private final List<Rule> rules;

  private DeleteFilter(List<Rule> rules) {
    this.rules = List.copyOf(rules);
  }

  /** A filter over whole requests (query-time filtering). */
  public static DeleteFilter of(List<DeleteRequest> requests) {
    List<Rule> rules = new ArrayList<>();
    for (DeleteRequest r : requests) {
      rule(r.query(), r.startNanos(), r.endNanos(), rules);
    }
    return new DeleteFilter(rules);
  }

  /** A filter over one piece of one request (physical deletion piece by piece). */
  public static DeleteFilter forShard(DeleteRequest r, DeleteShard shard) {
    List<Rule> rules = new ArrayList<>();
    rule(r.query(), shard.startNanos(), shard.endNanos(), rules);
    return new DeleteFilter(rules);
  }

  private static void rule(String query, long start, long end, List<Rule> into) {
    try {
      into.add(new Rule(DeleteQuery.parse(query), start, end));
    } catch (DeleteApiException e) {
      // Stored queries were validated when added; one that no longer parses deletes nothing.
    }
  }

  public boolean isEmpty() {
    return rules.isEmpty();
  }

  /** Whether the line (of an entry without structured metadata) is covered. */
  public boolean deleted(Map<String, String> streamLabels, long timestampNanos, String line) {
    StreamDeletes s = forStream(streamLabels);
    return s != null && s.deleted(timestampNanos, line);
  }

  /**
   * The part of the filter that applies to one stream, or null when no request matches it, so
   * callers can skip per-line work for untouched streams.
   */
  public StreamDeletes forStream(Map<String, String> streamLabels) {
    List<Rule> matching = new ArrayList<>();
    for (Rule r : rules) {
      if (r.query.matchesStream(streamLabels)) {
        matching.add(r);
      }
    }
    return matching.isEmpty() ? null : new StreamDeletes(matching, streamLabels);
  }

  /** Whether entries of the stream between {@code minNanos} and {@code maxNanos} may be covered. */
  public boolean mayDelete(Map<String, String> streamLabels, long minNanos, long maxNanos) {
    for (Rule r : rules) {
      if (r.startNanos <= maxNanos
          && r.endNanos >= minNanos
          && r.query.matchesStream(streamLabels)) {
        return true;
      }
    }
    return false;
  }

  /** The requests matching one stream. Not thread-safe: the pipelines keep per-stream state. */
  public static final class StreamDeletes {
    private final Rule[] rules;

    /** Per rule: the line test, or null when the time range alone decides. */
    private final DeleteQuery.LineSelector[] selectors;

    private StreamDeletes(List<Rule> rules, Map<String, String> streamLabels) {
      this.rules = rules.toArray(new Rule[0]);
      this.selectors = new DeleteQuery.LineSelector[this.rules.length];
      LabelSet labels = null;
      for (int i = 0; i < this.rules.length; i++) {
        DeleteQuery q = this.rules[i].query;
        if (q.hasFilter()) {
          labels = labels == null ? LabelSet.of(streamLabels) : labels;
          selectors[i] = q.forStream(labels);
        }
      }
    }

    /** Whether the entry is covered by a request. */
    public boolean deleted(
        long timestampNanos, byte[] line, int off, int len, List<Label> metadata) {
      for (int i = 0; i < rules.length; i++) {
        if (rules[i].covers(timestampNanos)
            && (selectors[i] == null
                || selectors[i].selects(timestampNanos, line, off, len, metadata))) {
          return true;
        }
      }
      return false;
    }

    /** {@link #deleted(long, byte[], int, int, List)} for an entry without structured metadata. */
    public boolean deleted(long timestampNanos, String line) {
      byte[] bytes = null;
      for (int i = 0; i < rules.length; i++) {
        if (!rules[i].covers(timestampNanos)) {
          continue;
        }
        if (selectors[i] == null) {
          return true;
        }
        bytes = bytes == null ? line.getBytes(StandardCharsets.UTF_8) : bytes;
        if (selectors[i].selects(timestampNanos, bytes, 0, bytes.length, List.of())) {
          return true;
        }
      }
      return false;
    }

    /** Whether {@link #deleted} looks at the entry at all (without filters the time decides). */
    public boolean needsLine() {
      for (DeleteQuery.LineSelector s : selectors) {
        if (s != null) {
          return true;
        }
      }
      return false;
    }
  }
}
