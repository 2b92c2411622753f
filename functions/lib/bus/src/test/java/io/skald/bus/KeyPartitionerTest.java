package io.skald.bus;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.apache.kafka.common.utils.Utils;
import org.junit.jupiter.api.Test;

/** Both adapters must place a key where Kafka's default partitioner would. */
class KeyPartitionerTest {

  @Test
  void murmur2MatchesKafkasForAllTailLengths() {
    Random random = new Random(42);
    for (int length = 0; length < 200; length++) {
      for (int round = 0; round < 20; round++) {
        byte[] key = new byte[length];
        random.nextBytes(key);
        assertThat(KeyPartitioner.murmur2(key))
            .as("length %d", length)
            .isEqualTo(Utils.murmur2(key));
        for (int partitions : new int[] {1, 3, 4, 7, 64}) {
          assertThat(KeyPartitioner.partition(key, partitions))
              .isEqualTo(Utils.toPositive(Utils.murmur2(key)) % partitions);
        }
      }
    }
  }

  @Test
  void recordsWithoutKeyGoRoundRobin() {
    KeyPartitioner partitioner = new KeyPartitioner();
    assertThat(
            new int[] {
              partitioner.partitionFor(null, 3),
              partitioner.partitionFor(null, 3),
              partitioner.partitionFor(null, 3),
              partitioner.partitionFor(null, 3)
            })
        .containsExactly(0, 1, 2, 0);
  }

  @Test
  void topicNamesFollowKafkasRules() {
    assertThat(TopicSpec.validateName("logs.push_v1-a")).isEqualTo("logs.push_v1-a");
    for (String bad : new String[] {"", ".", "..", "a/b", "a b", "x".repeat(250)}) {
      org.assertj.core.api.Assertions.assertThatThrownBy(() -> TopicSpec.validateName(bad))
          .isInstanceOf(IllegalArgumentException.class);
    }
  }
}
