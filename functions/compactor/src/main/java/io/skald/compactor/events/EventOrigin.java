package io.skald.compactor.events;

import io.cloudevents.CloudEvent;
import io.skald.bus.BusRecord;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Kafka record a CloudEvent came from, as far as the event tells: a KafkaSource sets source
 * {@code /apis/v1/namespaces/<ns>/kafkasources/<name>#<topic>}, subject {@code
 * partition:<p>#<offset>} and the record key in the {@code key} extension. Used to put a rejected
 * event on the dead-letter topic in the same envelope the bus loop uses.
 */
final class EventOrigin {

  private static final Pattern SUBJECT = Pattern.compile("partition:(\\d{1,9})#(\\d{1,18})");

  private EventOrigin() {}

  static BusRecord record(CloudEvent event, byte[] value, long nowMillis) {
    String source = event.getSource() == null ? "" : event.getSource().toString();
    int hash = source.lastIndexOf('#');
    String topic = hash >= 0 && hash < source.length() - 1 ? source.substring(hash + 1) : source;
    int partition = -1;
    long offset = -1;
    Matcher m = SUBJECT.matcher(event.getSubject() == null ? "" : event.getSubject());
    if (m.matches()) {
      partition = Integer.parseInt(m.group(1));
      offset = Long.parseLong(m.group(2));
    }
    Object key = event.getExtension("key");
    long time = event.getTime() == null ? nowMillis : event.getTime().toInstant().toEpochMilli();
    return new BusRecord(
        topic,
        partition,
        offset,
        key == null ? null : key.toString().getBytes(StandardCharsets.UTF_8),
        value,
        time);
  }
}
