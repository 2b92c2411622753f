package io.skald.bus.local;

import io.skald.bus.TopicSpec;
import java.util.List;

/** A topic's partitions and the signal its consumers wait on. */
record LocalTopic(TopicSpec spec, List<PartitionLog> partitions, DataSignal signal) {

  String name() {
    return spec.name();
  }

  PartitionLog partition(int partition) {
    if (partition < 0 || partition >= partitions.size()) {
      throw new IllegalArgumentException(
          "topic "
              + name()
              + " has partitions 0.."
              + (partitions.size() - 1)
              + ", not "
              + partition);
    }
    return partitions.get(partition);
  }
}
