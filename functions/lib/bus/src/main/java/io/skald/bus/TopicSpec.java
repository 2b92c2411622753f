package io.skald.bus;

import java.util.regex.Pattern;

/** A topic and its partition count; names follow Kafka's rules so both adapters accept the same. */
public record TopicSpec(String name, int partitions) {

  private static final Pattern LEGAL = Pattern.compile("[a-zA-Z0-9._-]{1,249}");

  /** Generous upper bound; the local log opens files per partition. */
  public static final int MAX_PARTITIONS = 10_000;

  public TopicSpec {
    validateName(name);
    validatePartitions(partitions, name);
  }

  /**
   * Returns {@code name} if it is a legal Kafka topic name, else throws IllegalArgumentException.
   */
  public static String validateName(String name) {
    if (name == null || !LEGAL.matcher(name).matches() || name.equals(".") || name.equals("..")) {
      throw new IllegalArgumentException(
          "illegal topic name '" + name + "': use 1-249 of [a-zA-Z0-9._-], not '.' or '..'");
    }
    return name;
  }

  public static int validatePartitions(int partitions, String what) {
    if (partitions < 1 || partitions > MAX_PARTITIONS) {
      throw new IllegalArgumentException(
          "partitions of " + what + " must be 1.." + MAX_PARTITIONS + ", got " + partitions);
    }
    return partitions;
  }
}
