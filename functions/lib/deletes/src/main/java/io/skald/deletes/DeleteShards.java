package io.skald.deletes;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits a request's range into pieces as Loki does: boundaries aligned to multiples of the
 * interval since the epoch, the first piece starting at the request's start and the last ending at
 * its end. Neighbouring pieces share their boundary millisecond (Loki prefers that overlap to a
 * gap).
 */
final class DeleteShards {

  private DeleteShards() {}

  static List<DeleteShard> split(long startMillis, long endMillis, Duration interval) {
    long step = interval.toMillis();
    List<DeleteShard> out = new ArrayList<>();
    if (step <= 0 || step >= endMillis - startMillis) {
      out.add(shard(startMillis, endMillis));
      return out;
    }
    long aligned = startMillis - Math.floorMod(startMillis, step);
    for (long s = aligned; s < endMillis; s += step) {
      long e = Math.min(s + step, endMillis);
      out.add(shard(s == aligned ? startMillis : s, e));
    }
    return out;
  }

  private static DeleteShard shard(long startMillis, long endMillis) {
    return new DeleteShard(startMillis * 1_000_000L, endMillis * 1_000_000L, false);
  }
}
