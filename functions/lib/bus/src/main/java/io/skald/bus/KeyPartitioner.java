package io.skald.bus;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Chooses a partition the way Kafka's default partitioner does for keyed records, so a key lands in
 * the same partition whichever adapter stores it: {@code toPositive(murmur2(key)) % partitions}.
 * Records without a key are spread round-robin.
 */
public final class KeyPartitioner {

  private static final int SEED = 0x9747b28c;
  private static final int M = 0x5bd1e995;

  private final AtomicInteger roundRobin = new AtomicInteger();

  public int partitionFor(byte[] key, int partitions) {
    if (key == null) {
      return (roundRobin.getAndIncrement() & 0x7fffffff) % partitions;
    }
    return partition(key, partitions);
  }

  public static int partition(byte[] key, int partitions) {
    return (murmur2(key) & 0x7fffffff) % partitions;
  }

  /** MurmurHash2, 32 bit, little-endian blocks, with the seed Kafka uses. */
  public static int murmur2(byte[] data) {
    int length = data.length;
    int h = SEED ^ length;
    int blocks = length >>> 2;
    for (int b = 0; b < blocks; b++) {
      int i = b << 2;
      int k =
          (data[i] & 0xff)
              | (data[i + 1] & 0xff) << 8
              | (data[i + 2] & 0xff) << 16
              | (data[i + 3] & 0xff) << 24;
      k *= M;
      k ^= k >>> 24;
      k *= M;
      h = h * M ^ k;
    }
    int tail = blocks << 2;
    int rest = length - tail;
    if (rest > 0) {
      if (rest == 3) {
        h ^= (data[tail + 2] & 0xff) << 16;
      }
      if (rest >= 2) {
        h ^= (data[tail + 1] & 0xff) << 8;
      }
      h ^= data[tail] & 0xff;
      h *= M;
    }
    h ^= h >>> 13;
    h *= M;
    h ^= h >>> 15;
    return h;
  }
}
