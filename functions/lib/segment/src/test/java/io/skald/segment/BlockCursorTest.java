package io.skald.segment;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.skald.labels.Label;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class BlockCursorTest {
  private BlockCursor cursor;

  @BeforeEach
  void openBlockWithFiveEntries() throws Exception {
    SegmentWriter w = new SegmentWriter();
    for (long ts : new long[] {10, 20, 20, 30, 40}) {
      w.append(
          "{s=\"1\"}",
          ts,
          ("at " + ts + (ts == 20 ? " #" + w.entryCount() : "")).getBytes(UTF_8),
          List.of(new Label("n", Long.toString(ts))));
    }
    byte[] segment = w.finish();
    BlockRef block = SegmentReader.readFooter(segment).streams().get(0).blocks().get(0);
    cursor = SegmentReader.openBlock(RangeSource.of(segment), block);
  }

  @Test
  void exposesLinesAsViewsIntoOneBuffer() {
    assertThat(cursor.next()).isTrue();
    byte[] buffer = cursor.lineArray();
    assertThat(new String(buffer, cursor.lineOffset(), cursor.lineLength(), UTF_8))
        .isEqualTo("at 10");
    assertThat(cursor.lineBytes()).isEqualTo("at 10".getBytes(UTF_8));
    cursor.next();
    assertThat(cursor.lineArray()).isSameAs(buffer);
    assertThat(cursor.structuredMetadataCount()).isEqualTo(1);
    assertThat(cursor.structuredMetadataName(0)).isEqualTo("n");
    assertThat(cursor.structuredMetadataValue(0)).isEqualTo("20");
  }

  @Test
  void walksBackwards() {
    cursor.afterLast();
    List<Long> seen = new ArrayList<>();
    while (cursor.previous()) {
      seen.add(cursor.timestampNanos());
    }
    assertThat(seen).containsExactly(40L, 30L, 20L, 20L, 10L);
    assertThat(cursor.next()).isTrue();
    assertThat(cursor.timestampNanos()).isEqualTo(10);
  }

  @Test
  void seeksToFirstEntryAtOrAfterTime() {
    cursor.seek(20);
    assertThat(cursor.next()).isTrue();
    assertThat(cursor.lineString()).isEqualTo("at 20 #1");
    cursor.seek(21);
    assertThat(cursor.next()).isTrue();
    assertThat(cursor.timestampNanos()).isEqualTo(30);
    cursor.seek(41);
    assertThat(cursor.next()).isFalse();
    cursor.seek(Long.MIN_VALUE);
    assertThat(cursor.next()).isTrue();
    assertThat(cursor.timestampNanos()).isEqualTo(10);
  }

  @Test
  void refusesAccessWhenNotOnAnEntry() {
    assertThatThrownBy(cursor::timestampNanos).isInstanceOf(IllegalStateException.class);
    while (cursor.next()) {
      // drain
    }
    assertThat(cursor.next()).isFalse();
    assertThatThrownBy(cursor::lineString).isInstanceOf(IllegalStateException.class);
    cursor.beforeFirst();
    cursor.next();
    assertThatThrownBy(() -> cursor.structuredMetadataName(1))
        .isInstanceOf(IndexOutOfBoundsException.class);
    assertThat(cursor.entryCount()).isEqualTo(5);
  }
}
