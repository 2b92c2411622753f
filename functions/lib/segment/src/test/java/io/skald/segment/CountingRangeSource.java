package io.skald.segment;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** Test double: an in-memory object that records every ranged read, like an S3 GET log. */
final class CountingRangeSource implements RangeSource {
  record Read(long offset, int length) {}

  private final RangeSource delegate;
  private final List<Read> reads = new ArrayList<>();

  CountingRangeSource(byte[] object) {
    this.delegate = RangeSource.of(object);
  }

  List<Read> reads() {
    return reads;
  }

  long bytesRead() {
    return reads.stream().mapToLong(Read::length).sum();
  }

  @Override
  public long size() throws IOException {
    return delegate.size();
  }

  @Override
  public byte[] read(long offset, int length) throws IOException {
    reads.add(new Read(offset, length));
    return delegate.read(offset, length);
  }
}
