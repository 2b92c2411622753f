package io.skald.storage;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.UUID;

/**
 * Crash-safe file replacement (POSIX semantics; Linux and macOS).
 *
 * <p>Why each step: (1) the bytes go to a fresh temp file in the target's own directory, so the
 * rename never crosses file systems; (2) the temp file is fsync'd before the rename, otherwise a
 * power loss could persist the rename but not the data and leave a short or zero-filled object; (3)
 * rename(2) replaces the target in one step, so a reader or a crash sees the old object or the new
 * one, never a mix; (4) the directory is fsync'd, because the rename is a change to the directory
 * and is only durable once the directory is, and the same holds for each newly created directory's
 * entry in its parent. A crash before (3) leaves the old object plus an orphaned temp file.
 */
final class DurableFiles {

  private DurableFiles() {}

  static void replaceAtomically(Path target, byte[] data) throws IOException {
    Path temp = target.resolveSibling(Keys.RESERVED_PREFIX + "-" + UUID.randomUUID());
    try {
      try (FileChannel channel =
          FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
        ByteBuffer buffer = ByteBuffer.wrap(data);
        while (buffer.hasRemaining()) {
          channel.write(buffer);
        }
        channel.force(true);
      }
      Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(temp); // only still there if something failed
    }
  }

  /** fsyncs {@code dir} and each ancestor up to and including {@code upTo}. */
  static void syncDirectories(Path dir, Path upTo) throws IOException {
    for (Path p = dir; ; p = p.getParent()) {
      fsyncDirectory(p);
      if (p.equals(upTo) || p.getParent() == null) {
        return;
      }
    }
  }

  static void fsyncDirectory(Path dir) throws IOException {
    try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
      channel.force(true);
    }
  }
}
