package io.skald.storage;

import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * Flat key → bytes storage with S3 semantics, implemented on a local file system and on S3.
 *
 * <p>Keys are '/'-separated relative paths with non-empty segments, no "." / ".." segments and no
 * backslashes (see {@link Keys}); both implementations accept exactly the same keys so that code
 * tested on one runs on the other. Failures worth retrying (server errors, connection problems) are
 * thrown as {@link RetriableStorageException}; everything else as a plain {@link IOException}.
 * Implementations are thread-safe.
 */
public interface ObjectStore extends AutoCloseable {

  /** Logical bucket name, as reported in ObjectCreated events. */
  String bucket();

  /**
   * Stores {@code data} under {@code key}, replacing any previous object. Readers never see a
   * partial object.
   */
  void put(String key, byte[] data) throws IOException;

  /** The whole object, or empty if there is none. */
  Optional<byte[]> get(String key) throws IOException;

  /**
   * Bytes {@code [offset, offset + length)} of the object, cut short at its end; empty if {@code
   * offset} is at or past the end.
   *
   * @throws NoSuchObjectException if there is no object under {@code key}
   */
  byte[] getRange(String key, long offset, int length) throws IOException;

  /** Size, modification time and version tag of the object, or empty if there is none. */
  Optional<ObjectInfo> head(String key) throws IOException;

  /**
   * Every object whose key starts with {@code prefix} (may be empty), sorted by key in UTF-8 byte
   * order.
   */
  List<ObjectInfo> list(String prefix) throws IOException;

  /** Removes the object; deleting a missing object succeeds. */
  void delete(String key) throws IOException;

  @Override
  void close();
}
