package io.skald.segment;

import static java.nio.charset.StandardCharsets.UTF_8;

import io.skald.labels.Label;
import java.util.List;

/**
 * The inputs behind the committed v1 golden files. {@link GoldenV1Generator} wrote the files once
 * from these; tests re-run them only to check the writer is still deterministic. Never change an
 * existing input: add a new file instead.
 */
final class GoldenV1Inputs {
  /** zstd-jni version the golden files were written with. */
  static final String GENERATED_WITH_ZSTD_JNI = "1.5.7-28";

  static final List<String> FILES = List.of("basic.seg", "multiblock.seg", "empty.seg");

  static final long T0 = 1_700_000_000_000_000_000L;

  private GoldenV1Inputs() {}

  static byte[] write(String file) {
    return switch (file) {
      case "basic.seg" -> basic();
      case "multiblock.seg" -> multiblock();
      case "empty.seg" -> new SegmentWriter().finish();
      default -> throw new IllegalArgumentException(file);
    };
  }

  /** Three streams, out-of-order input, a dropped duplicate, same-timestamp variants, unicode. */
  private static byte[] basic() {
    SegmentWriter w = new SegmentWriter();
    String prod = "{app=\"api\", env=\"prod\"}";
    w.append(
        prod,
        T0 + 300,
        bytes("GET /users 200"),
        List.of(new Label("trace_id", "abc123"), new Label("user", "ann")));
    w.append(prod, T0 + 100, bytes("GET /health 200"), List.of());
    w.append(prod, T0 + 200, bytes("POST /orders 201"), List.of(new Label("trace_id", "def456")));
    w.append(prod, T0 + 100, bytes("GET /health 200"), List.of());
    w.append(prod, T0 + 200, bytes("POST /orders 500"), List.of(new Label("trace_id", "def456")));
    w.append(prod, T0 + 200, bytes("POST /orders 201"), List.of(new Label("trace_id", "zzz")));
    String web = "{app=\"web\", env=\"dev\"}";
    w.append(web, T0 + 1_000_000_000, bytes(""), List.of());
    w.append(
        web, T0 + 2_000_000_000, bytes("héllo wörld ✓ 日本語 🚀"), List.of(new Label("emoji", "🚀")));
    w.append("{app=\"api\", env=\"dev\"}", T0 - 1_000_000_000, bytes("boot"), List.of());
    return w.finish();
  }

  /** One stream cut into several 256-byte blocks, appended newest first, plus a small one. */
  private static byte[] multiblock() {
    SegmentWriter w = new SegmentWriter(256, 3);
    for (int i = 23; i >= 0; i--) {
      List<Label> md =
          i % 5 == 0
              ? List.of(new Label("run", "r1"), new Label("phase", "checkpoint"))
              : List.of(new Label("run", "r1"));
      w.append(
          "{job=\"batch\"}",
          T0 + i * 1_000_000L,
          bytes(String.format("step %02d finished in %d ms", i, 10 + i * 7)),
          md);
    }
    w.append("{job=\"cron\"}", T0 + 5, bytes("tick"), List.of());
    w.append("{job=\"cron\"}", T0 + 5, bytes("tick"), List.of());
    return w.finish();
  }

  private static byte[] bytes(String s) {
    return s.getBytes(UTF_8);
  }
}
