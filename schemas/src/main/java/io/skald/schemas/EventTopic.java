package io.skald.schemas;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.function.Function;
import org.apache.avro.message.BinaryMessageDecoder;
import org.apache.avro.message.BinaryMessageEncoder;
import org.apache.avro.specific.SpecificRecord;

/**
 * A bus topic that carries one Avro event type: its default name, the event type, how a record's
 * key is derived from the event, and the encoding of its value. Values are Avro single-object
 * encoding (marker {@code C3 01}, the schema's 8-byte fingerprint, then Avro binary), the bytes the
 * generated {@code toByteBuffer()} writes. Thread-safe.
 *
 * @param <T> the Avro event type
 */
public final class EventTopic<T extends SpecificRecord> {

  private final String name;
  private final Class<T> type;
  private final String keyRule;
  private final Function<T, String> key;
  private final BinaryMessageEncoder<T> encoder;
  private final BinaryMessageDecoder<T> decoder;

  EventTopic(
      String name,
      Class<T> type,
      String keyRule,
      Function<T, String> key,
      BinaryMessageEncoder<T> encoder,
      BinaryMessageDecoder<T> decoder) {
    this.name = Objects.requireNonNull(name, "name");
    this.type = Objects.requireNonNull(type, "type");
    this.keyRule = Objects.requireNonNull(keyRule, "keyRule");
    this.key = Objects.requireNonNull(key, "key");
    this.encoder = Objects.requireNonNull(encoder, "encoder");
    this.decoder = Objects.requireNonNull(decoder, "decoder");
  }

  /** The topic's default name; a deployment may configure another one for its functions. */
  public String name() {
    return name;
  }

  /** The Avro type of every value on the topic. */
  public Class<T> type() {
    return type;
  }

  /** How the record key is derived, in words (for documentation and messages). */
  public String keyRule() {
    return keyRule;
  }

  /**
   * The record key of {@code event} (UTF-8): records with the same key land in the same partition,
   * which keeps what must stay in order, or with one owner, together.
   *
   * @throws IllegalArgumentException when the event has nothing to derive a key from
   */
  public byte[] key(T event) {
    return key.apply(event).getBytes(StandardCharsets.UTF_8);
  }

  /** The record value of {@code event}. */
  public byte[] encode(T event) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(256);
    try {
      encoder.encode(event, out);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot encode " + type.getSimpleName(), e);
    }
    return out.toByteArray();
  }

  /**
   * The event a record value holds.
   *
   * @throws MalformedEventException when the bytes are not an event of this type in a schema
   *     version this build can read
   * @throws IllegalStateException when Avro refuses to instantiate Skald's event classes (the JVM
   *     lacks {@code -Dorg.apache.avro.SERIALIZABLE_PACKAGES=io.skald.events.v1}): then every value
   *     would fail, so none of them is at fault
   */
  public T decode(byte[] value) throws MalformedEventException {
    try {
      return decoder.decode(ByteBuffer.wrap(value));
    } catch (SecurityException e) {
      throw new IllegalStateException("Avro refuses Skald's event classes: " + e.getMessage(), e);
    } catch (IOException | RuntimeException e) {
      throw new MalformedEventException(type.getSimpleName(), e);
    }
  }

  @Override
  public String toString() {
    return "EventTopic[" + name + ", " + type.getSimpleName() + "]";
  }
}
