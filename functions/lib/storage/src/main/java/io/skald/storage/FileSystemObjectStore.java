package io.skald.storage;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Objects as files under a root directory: key {@code a/b/c} is file {@code <root>/a/b/c}.
 *
 * <p>{@link #put} is atomic and durable when it returns (see {@link DurableFiles} for the crash
 * reasoning), which is what lets the chunker commit Kafka offsets right after. Leftover temp files
 * of a crashed put are named with {@link Keys#RESERVED_PREFIX}, which no key may contain, so they
 * are invisible to get/head/list and never collide with objects. (They are not swept: a crash
 * leaves at most one per in-flight put.)
 *
 * <p>Key segments become file names via {@link FileNames} (non-ASCII percent-encoded). Unlike S3, a
 * key cannot be both an object and a "directory" of other keys ({@code a/b} and {@code a/b/c});
 * such a put fails with an IOException. Skald's key layout never does this.
 */
public final class FileSystemObjectStore implements ObjectStore {

  private static final int PUT_ATTEMPTS = 3;

  private final Path root;
  private final String bucket;

  public FileSystemObjectStore(Path root, String bucket) throws IOException {
    Objects.requireNonNull(root, "root");
    if (bucket == null || bucket.isBlank()) {
      throw new IllegalArgumentException("bucket must not be blank");
    }
    this.root = Files.createDirectories(root.toAbsolutePath().normalize());
    this.bucket = bucket;
  }

  @Override
  public String bucket() {
    return bucket;
  }

  public Path root() {
    return root;
  }

  @Override
  public void put(String key, byte[] data) throws IOException {
    Objects.requireNonNull(data, "data");
    Path target = path(key);
    Path dir = target.getParent();
    for (int attempt = 1; ; attempt++) {
      try {
        Path firstCreated = createDirectories(key, dir);
        if (Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS)) {
          throw new IOException("cannot store " + key + ": it is already a prefix of other keys");
        }
        DurableFiles.replaceAtomically(target, data);
        DurableFiles.syncDirectories(dir, firstCreated == null ? dir : firstCreated.getParent());
        return;
      } catch (NoSuchFileException e) {
        // A concurrent delete removed the (then empty) parent directory; create it again.
        if (attempt == PUT_ATTEMPTS) {
          throw e;
        }
      }
    }
  }

  @Override
  public Optional<byte[]> get(String key) throws IOException {
    Path file = path(key);
    try {
      return Optional.of(Files.readAllBytes(file));
    } catch (IOException e) {
      if (isMissing(file, e)) {
        return Optional.empty();
      }
      throw e;
    }
  }

  @Override
  public byte[] getRange(String key, long offset, int length) throws IOException {
    Keys.requireValidRange(offset, length);
    Path file = path(key);
    if (!Files.isRegularFile(file)) {
      throw new NoSuchObjectException(bucket, key);
    }
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
      long size = channel.size();
      if (offset >= size) {
        return new byte[0];
      }
      ByteBuffer buffer = ByteBuffer.allocate((int) Math.min(length, size - offset));
      while (buffer.hasRemaining() && channel.read(buffer, offset + buffer.position()) >= 0) {
        // read until full; the file is immutable once renamed into place
      }
      return buffer.hasRemaining()
          ? Arrays.copyOf(buffer.array(), buffer.position())
          : buffer.array();
    } catch (NoSuchFileException e) {
      throw new NoSuchObjectException(bucket, key);
    }
  }

  @Override
  public Optional<ObjectInfo> head(String key) throws IOException {
    Path file = path(key);
    try {
      BasicFileAttributes attrs =
          Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
      return attrs.isRegularFile() ? Optional.of(info(key, attrs)) : Optional.empty();
    } catch (IOException e) {
      if (isMissing(file, e)) {
        return Optional.empty();
      }
      throw e;
    }
  }

  @Override
  public List<ObjectInfo> list(String prefix) throws IOException {
    Keys.requireValidPrefix(prefix);
    // Walk only the deepest directory the prefix names completely, and prune subtrees that cannot
    // match.
    int slash = prefix.lastIndexOf('/');
    Path start = slash < 0 ? root : path(prefix.substring(0, slash));
    if (!Files.isDirectory(start, LinkOption.NOFOLLOW_LINKS)) {
      return List.of();
    }
    List<ObjectInfo> found = new ArrayList<>();
    Files.walkFileTree(
        start,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
            if (dir.equals(root)) {
              return FileVisitResult.CONTINUE;
            }
            String dirKey = key(dir) + "/";
            boolean mayMatch = dirKey.startsWith(prefix) || prefix.startsWith(dirKey);
            return mayMatch ? FileVisitResult.CONTINUE : FileVisitResult.SKIP_SUBTREE;
          }

          @Override
          public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
            String name = file.getFileName().toString();
            if (attrs.isRegularFile() && !name.startsWith(Keys.RESERVED_PREFIX)) {
              String key = key(file);
              if (key.startsWith(prefix)) {
                found.add(info(key, attrs));
              }
            }
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
            if (e instanceof NoSuchFileException) {
              return FileVisitResult.CONTINUE; // deleted while we walked
            }
            throw e;
          }
        });
    found.sort((a, b) -> Keys.UTF8_ORDER.compare(a.key(), b.key()));
    return found;
  }

  @Override
  public void delete(String key) throws IOException {
    Path file = path(key);
    if (Files.isDirectory(file, LinkOption.NOFOLLOW_LINKS)) {
      return; // a prefix of other keys, not an object
    }
    if (Files.deleteIfExists(file)) {
      Path dir = file.getParent();
      if (Files.isDirectory(dir)) {
        DurableFiles.fsyncDirectory(dir); // so a deleted object does not come back after a crash
      }
      removeEmptyParents(dir);
    }
  }

  @Override
  public void close() {
    // nothing held open
  }

  private Path path(String key) {
    Keys.requireValidKey(key);
    Path p = root;
    for (String segment : key.split("/")) {
      p = p.resolve(FileNames.encode(segment));
    }
    if (!p.normalize().startsWith(root)) { // defence in depth; Keys already forbids escaping
      throw new IllegalArgumentException("key escapes the store root: " + key);
    }
    return p;
  }

  private String key(Path file) {
    StringBuilder key = new StringBuilder();
    for (Path name : root.relativize(file)) {
      key.append(key.length() == 0 ? "" : "/").append(FileNames.decode(name.toString()));
    }
    return key.toString();
  }

  private ObjectInfo info(String key, BasicFileAttributes attrs) {
    // A new inode per put (temp file + rename), so identity + size + mtime changes on every
    // overwrite.
    Object identity = attrs.fileKey();
    String eTag =
        Integer.toHexString(identity == null ? 0 : identity.hashCode())
            + "-"
            + Long.toHexString(attrs.size())
            + "-"
            + Long.toHexString(attrs.lastModifiedTime().to(TimeUnit.NANOSECONDS));
    return new ObjectInfo(key, attrs.size(), attrs.lastModifiedTime().toInstant(), eTag);
  }

  /**
   * Creates {@code dir} and its missing ancestors; returns the topmost directory created, or null.
   */
  private Path createDirectories(String key, Path dir) throws IOException {
    Path topmostMissing = null;
    for (Path p = dir; !p.equals(root) && !Files.isDirectory(p); p = p.getParent()) {
      if (Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
        throw new IOException(
            "cannot store "
                + key
                + ": "
                + key(p)
                + " is already an object, so it cannot also be a prefix of other keys");
      }
      topmostMissing = p;
    }
    Files.createDirectories(dir);
    return topmostMissing;
  }

  private void removeEmptyParents(Path dir) throws IOException {
    for (Path p = dir; !p.equals(root); p = p.getParent()) {
      try {
        Files.delete(p);
      } catch (DirectoryNotEmptyException | NoSuchFileException e) {
        return; // still in use (or already gone): stop here
      }
    }
  }

  private static boolean isMissing(Path file, IOException e) {
    // ENOENT, or a path through/onto something that is not a regular file (a prefix directory).
    return e instanceof NoSuchFileException || !Files.isRegularFile(file);
  }
}
