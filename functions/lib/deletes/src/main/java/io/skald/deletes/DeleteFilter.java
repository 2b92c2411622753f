package io.skald.deletes;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Decides whether a log line is covered by a tenant's delete requests: its stream matches a
 * request's selector, its timestamp lies in the request's range (both ends inclusive) and the
 * line passes the request's line filters. Queriers use it to hide lines before they are removed
 * physically; {@link DeleteProcessor} uses it to remove them. Immutable and thread-safe.
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
    return matching.isEmpty() ? null : new StreamDeletes(matching);
  }

  /** Whether entries of the stream between {@code minNanos} and {@code maxNanos} may be covered. */
  public boolean mayDelete(Map<String, String> streamLabels, long minNanos, long maxNanos) {
    for (Rule r : rules) {
      if (r.startNanos <= maxNanos && r.endNanos >= minNanos && r.query.matchesStream(streamLabels)) {
        return true;
      }
    }
    return false;
  }

  /** The requests matching one stream. */
  public static final class StreamDeletes {
    private final List<Rule> rules;

    private StreamDeletes(List<Rule> rules) {
      this.rules = rules;
    }

    public boolean deleted(long timestampNanos, String line) {
      for (Rule r : rules) {
        if (r.covers(timestampNanos) && r.query.selectsLine(line)) {
          return true;
        }
      }
      return false;
    }

    /** Whether {@link #deleted} looks at the line at all (no line filters: time alone decides). */
    public boolean needsLine() {
      return rules.stream().anyMatch(r -> r.query.hasFilter());
    }
  }
}
