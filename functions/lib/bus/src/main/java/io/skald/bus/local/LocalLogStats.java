package io.skald.bus.local;

/** Counters of the group commit writer: records written, batches, and fsyncs they needed. */
public record LocalLogStats(long records, long batches, long fsyncs) {

  public double recordsPerFsync() {
    return fsyncs == 0 ? 0 : (double) records / fsyncs;
  }
}
