package io.skald.bus.kafka;

import io.skald.bus.BusUnavailableException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.common.errors.InvalidTopicException;
import org.apache.kafka.common.errors.RecordBatchTooLargeException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.SerializationException;

/**
 * Maps client failures to the port: a record the caller got wrong keeps Kafka's exception; every
 * other failure (timeouts, broker unreachable, closed client) means "not durable, retry later".
 */
final class KafkaErrors {

  private KafkaErrors() {}

  static RuntimeException map(Throwable error, String what) {
    Throwable e = unwrap(error);
    if (e instanceof BusUnavailableException unavailable) {
      return unavailable;
    }
    if (e instanceof RecordTooLargeException
        || e instanceof RecordBatchTooLargeException
        || e instanceof InvalidTopicException
        || e instanceof SerializationException) {
      return (RuntimeException) e;
    }
    return new BusUnavailableException("kafka: " + what + ": " + e, e);
  }

  private static Throwable unwrap(Throwable e) {
    while ((e instanceof ExecutionException || e instanceof CompletionException)
        && e.getCause() != null) {
      e = e.getCause();
    }
    return e;
  }
}
