package io.skald.deletes;

/**
 * Loki's per-tenant {@code deletion_mode}. {@code filter-only} accepts requests and filters query
 * results but never deletes physically; {@code disabled} answers the delete API with 403.
 */
public enum DeletionMode {
  DISABLED("disabled"),
  FILTER_ONLY("filter-only"),
  FILTER_AND_DELETE("filter-and-delete");

  /** The 403 body when the mode is {@code disabled}. */
  public static final String NOT_AVAILABLE = "deletion is not available for this tenant";

  private final String text;

  DeletionMode(String text) {
    this.text = text;
  }

  public static DeletionMode parse(String in) {
    for (DeletionMode m : values()) {
      if (m.text.equals(in)) {
        return m;
      }
    }
    throw new IllegalArgumentException(
        "unknown deletion mode: must be one of disabled|filter-only|filter-and-delete");
  }

  public boolean apiEnabled() {
    return this != DISABLED;
  }

  public boolean deletesPhysically() {
    return this == FILTER_AND_DELETE;
  }

  @Override
  public String toString() {
    return text;
  }
}
