package io.skald.bus;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.concurrent.CompletableFuture;

/**
 * Sends a record that a function cannot process to a dead-letter topic, wrapped in a small JSON
 * envelope with the reason and where it came from, so the partition keeps moving and an operator
 * can inspect or replay it.
 */
public final class DeadLetterPublisher {

  private final BusProducer producer;
  private final String topic;

  public DeadLetterPublisher(BusProducer producer, String topic) {
    this.producer = producer;
    this.topic = topic;
  }

  public CompletableFuture<RecordPosition> publish(BusRecord record, String reason) {
    String envelope =
        "{\"reason\":"
            + quote(reason)
            + ",\"topic\":"
            + quote(record.topic())
            + ",\"partition\":"
            + record.partition()
            + ",\"offset\":"
            + record.offset()
            + ",\"value\":\""
            + Base64.getEncoder().encodeToString(record.value())
            + "\"}";
    return producer.send(topic, record.key(), envelope.getBytes(StandardCharsets.UTF_8));
  }

  public String topic() {
    return topic;
  }

  private static String quote(String s) {
    StringBuilder b = new StringBuilder(s.length() + 2).append('"');
    for (char c : s.toCharArray()) {
      switch (c) {
        case '"' -> b.append("\\\"");
        case '\\' -> b.append("\\\\");
        case '\n' -> b.append("\\n");
        case '\r' -> b.append("\\r");
        case '\t' -> b.append("\\t");
        default -> {
          if (c < 0x20) {
            b.append(String.format("\\u%04x", (int) c));
          } else {
            b.append(c);
          }
        }
      }
    }
    return b.append('"').toString();
  }
}
