package io.skald.logql.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.skald.labels.LabelSet;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SampleIteratorsTest {

  static final class ListIterator implements SampleIterator {
    final String name;
    final long[] ts;
    final List<String> closed;
    int i = -1;

    ListIterator(String name, List<String> closed, long... ts) {
      this.name = name;
      this.ts = ts;
      this.closed = closed;
    }

    @Override
    public boolean next() {
      return ++i < ts.length;
    }

    @Override
    public long timestampNanos() {
      return ts[i];
    }

    @Override
    public double value() {
      return i;
    }

    @Override
    public LabelSet labels() {
      return LabelSet.of("s", name);
    }

    @Override
    public void close() {
      closed.add(name);
    }
  }

  @Test
  void mergesByTimeThenInputOrder() {
    List<String> closed = new ArrayList<>();
    SampleIterator it =
        SampleIterators.merge(
            List.of(
                new ListIterator("a", closed, 1, 3, 5),
                new ListIterator("b", closed, 2, 3),
                new ListIterator("c", closed),
                new ListIterator("d", closed, 0)));
    List<String> out = new ArrayList<>();
    while (it.next()) {
      out.add(it.labels().get("s") + it.timestampNanos() + ":" + (int) it.value());
    }
    assertThat(out).containsExactly("d0:0", "a1:0", "b2:0", "a3:1", "b3:1", "a5:2");
    it.close();
    assertThat(closed).containsExactly("a", "b", "c", "d");
  }

  @Test
  void emptyAndSingle() {
    assertThat(SampleIterators.merge(List.of()).next()).isFalse();
    List<String> closed = new ArrayList<>();
    ListIterator one = new ListIterator("a", closed, 1);
    assertThat(SampleIterators.merge(List.of(one))).isSameAs(one);
  }
}
