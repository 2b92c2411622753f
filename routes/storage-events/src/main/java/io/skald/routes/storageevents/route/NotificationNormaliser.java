package io.skald.routes.storageevents.route;

import io.skald.bus.BusRecord;
import io.skald.events.v1.ObjectCreated;
import io.skald.layout.ObjectKeys;
import io.skald.routes.storageevents.notification.MalformedNotificationException;
import io.skald.routes.storageevents.notification.S3EventRecord;
import io.skald.routes.storageevents.notification.S3NotificationParser;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns an S3 bucket notification into {@code ObjectCreated} events (source {@value #SOURCE}), one
 * per record that announces a new segment in the expected bucket. Every other record is a rejection
 * with its reason; nothing here throws for bad input.
 */
public final class NotificationNormaliser {

  public static final String SOURCE = "s3-notification";

  private final S3NotificationParser parser = new S3NotificationParser();
  private final String bucket;

  public NotificationNormaliser(String bucket) {
    this.bucket = bucket;
  }

  public Normalised normalise(BusRecord record) {
    List<S3EventRecord> records;
    try {
      records = parser.parse(record.value());
    } catch (MalformedNotificationException e) {
      return new Normalised(
          record, List.of(), List.of("malformed S3 notification: " + e.getMessage()));
    }
    List<ObjectCreated> events = new ArrayList<>();
    List<String> rejections = new ArrayList<>();
    for (int i = 0; i < records.size(); i++) {
      S3EventRecord r = records.get(i);
      String at = records.size() == 1 ? "" : "Records[" + i + "]: ";
      if (!r.isObjectCreated()) {
        rejections.add(at + "unsupported event type " + r.eventName() + " for " + r.key());
      } else if (!r.bucket().equals(bucket)) {
        rejections.add(
            at
                + "object in foreign bucket "
                + r.bucket()
                + " (expected "
                + bucket
                + "): "
                + r.key());
      } else if (ObjectKeys.parseSegment(r.key()).isEmpty()) {
        rejections.add(at + "not a segment key: " + r.key());
      } else {
        events.add(event(r, record.timestampMillis()));
      }
    }
    return new Normalised(record, events, rejections);
  }

  private static ObjectCreated event(S3EventRecord r, long recordTimeMillis) {
    return ObjectCreated.newBuilder()
        .setBucket(r.bucket())
        .setKey(r.key())
        // The indexer reads the size from the store itself; 0 only stands in for "not reported".
        .setSize(Math.max(r.size(), 0))
        .setETag(r.eTag())
        .setEventTimeMillis(r.eventTime() != null ? r.eventTime().toEpochMilli() : recordTimeMillis)
        .setSource(SOURCE)
        .build();
  }
}
