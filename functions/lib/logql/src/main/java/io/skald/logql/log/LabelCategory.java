package io.skald.logql.log;

/** Where a label came from; the categorize-labels response encoding reports this. */
public enum LabelCategory {
  STREAM,
  STRUCTURED_METADATA,
  PARSED
}
