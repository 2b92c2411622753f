package io.skald.schemas;

import io.skald.events.v1.LogBatch;
import io.skald.events.v1.ObjectCreated;
import io.skald.layout.ObjectKeys;

/**
 * Every bus topic Skald names, with its default name (a compile-time constant, for configuration
 * defaults) and, for the topics of Skald's own Avro events, the {@link EventTopic} that keys,
 * encodes and decodes them.
 *
 * <table>
 *   <caption>Topics</caption>
 *   <tr><th>default name</th><th>value</th><th>key</th><th>written by</th><th>read by</th></tr>
 *   <tr><td>{@value #LOGS_PUSH}</td><td>{@code LogBatch}</td><td>tenant + canonical labels</td>
 *       <td>push route</td><td>chunker</td></tr>
 *   <tr><td>{@value #STORAGE_EVENTS}</td><td>{@code ObjectCreated}</td><td>tenant of the
 *       segment key</td><td>chunker, storage-events route</td><td>compactor (loop or Knative
 *       KafkaSource)</td></tr>
 *   <tr><td>{@value #STORAGE_EVENTS_S3}</td><td>S3 bucket notification (JSON)</td><td>as the
 *       store sends it</td><td>the object store</td><td>storage-events route</td></tr>
 *   <tr><td>{@value #LOGS_PUSH_DLQ}, {@value #STORAGE_EVENTS_DLQ}</td><td>dead-letter envelope
 *       (JSON: reason, topic, partition, offset, base64 value)</td><td>the original record's
 *       key</td><td>chunker; compactor and storage-events route</td><td>operators</td></tr>
 * </table>
 */
public final class Topics {

  public static final String LOGS_PUSH = "logs.push";
  public static final String LOGS_PUSH_DLQ = "logs.push.dlq";
  public static final String STORAGE_EVENTS = "storage.events";
  public static final String STORAGE_EVENTS_S3 = "storage.events.s3";
  public static final String STORAGE_EVENTS_DLQ = "storage.events.dlq";

  /** One stream's accepted entries; keyed so a stream stays in one partition, in order. */
  public static final EventTopic<LogBatch> LOG_BATCH =
      new EventTopic<>(
          LOGS_PUSH,
          LogBatch.class,
          "tenant + canonical labels",
          batch -> batch.getTenant() + batch.getLabels(),
          LogBatch.getEncoder(),
          LogBatch.getDecoder());

  /**
   * A new segment; keyed by its tenant, so one tenant's index is maintained by the owner of one
   * partition.
   */
  public static final EventTopic<ObjectCreated> OBJECT_CREATED =
      new EventTopic<>(
          STORAGE_EVENTS,
          ObjectCreated.class,
          "tenant of the segment key",
          Topics::tenantOfSegment,
          ObjectCreated.getEncoder(),
          ObjectCreated.getDecoder());

  private Topics() {}

  private static String tenantOfSegment(ObjectCreated event) {
    return ObjectKeys.parseSegment(event.getKey())
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "ObjectCreated is keyed by the tenant of a segment key, not of "
                        + event.getKey()))
        .tenant();
  }
}
