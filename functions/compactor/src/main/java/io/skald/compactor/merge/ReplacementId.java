package io.skald.compactor.merge;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * The stable id of one replacement, which names its output segments ({@code
 * ObjectKeys.compactedSegment}) and its pending-deletes record ({@code ObjectKeys.pendingDeletes}).
 * It is a hash of what produced them (purpose, input keys and versions), so a retry after a crash
 * overwrites its own earlier outputs instead of adding new ones.
 */
public final class ReplacementId {

  private ReplacementId() {}

  /**
   * {@code purpose} separates merges from retention and delete rewrites of the same inputs; {@code
   * detail} carries what else decides the output (for example the delete request ids), so different
   * work never shares a key.
   */
  public static String of(String purpose, List<InputRef> inputs, String detail) {
    MessageDigest sha;
    try {
      sha = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
    update(sha, purpose);
    inputs.stream()
        .sorted((a, b) -> a.key().compareTo(b.key()))
        .forEach(
            in -> {
              update(sha, in.key());
              update(sha, in.eTag());
            });
    update(sha, detail);
    byte[] digest = sha.digest();
    return HexFormat.of().formatHex(digest, 0, 16);
  }

  private static void update(MessageDigest sha, String s) {
    byte[] b = (s == null ? "" : s).getBytes(StandardCharsets.UTF_8);
    sha.update((byte) (b.length >>> 24));
    sha.update((byte) (b.length >>> 16));
    sha.update((byte) (b.length >>> 8));
    sha.update((byte) b.length);
    sha.update(b);
  }
}
