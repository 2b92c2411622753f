package io.skald.logql.engine;

/** The samples of one series inside the current range window: a ring buffer, oldest first. */
final class Window {
  private long[] ts = new long[8];
  private double[] vs = new double[8];
  private int head;
  private int size;

  void add(long t, double v) {
    if (size == ts.length) {
      grow();
    }
    int i = (head + size) & (ts.length - 1);
    ts[i] = t;
    vs[i] = v;
    size++;
  }

  private void grow() {
    int n = ts.length;
    long[] nts = new long[n * 2];
    double[] nvs = new double[n * 2];
    for (int i = 0; i < size; i++) {
      int j = (head + i) & (n - 1);
      nts[i] = ts[j];
      nvs[i] = vs[j];
    }
    ts = nts;
    vs = nvs;
    head = 0;
  }

  /** Drops the samples at or before {@code bound}: the window is left-open. */
  void dropUpTo(long bound) {
    while (size > 0 && ts[head] <= bound) {
      head = (head + 1) & (ts.length - 1);
      size--;
    }
  }

  int size() {
    return size;
  }

  boolean isEmpty() {
    return size == 0;
  }

  long ts(int i) {
    return ts[(head + i) & (ts.length - 1)];
  }

  double value(int i) {
    return vs[(head + i) & (ts.length - 1)];
  }
}
