package io.skald.logql.log;

import io.skald.labels.Label;
import io.skald.labels.LabelSet;
import java.util.ArrayList;
import java.util.List;

/**
 * The labels of the entry being processed: the stream's labels plus what stages add (structured
 * metadata, parsed labels) minus what they drop, and the {@code __error__} / {@code
 * __error_details__} pair. One builder serves a stream and is {@link #reset} per line, so an entry
 * that changes nothing costs no allocation.
 */
public final class LabelsBuilder {
  public static final String ERROR_LABEL = "__error__";
  public static final String ERROR_DETAILS_LABEL = "__error_details__";

  private final LabelSet base;
  private final List<Label> added = new ArrayList<>();
  private final List<LabelCategory> addedCategories = new ArrayList<>();
  private final List<String> deleted = new ArrayList<>();

  /** Names parsed for this line: a later parser does not overwrite them (first value wins). */
  private final List<String> parsed = new ArrayList<>();

  /**
   * One bit per name hash for the names in {@code added} and {@code parsed}: most lookups are for
   * names the line does not have, and a clear bit answers them without a scan.
   */
  private long addedMask;

  private long parsedMask;
  private String error;
  private String errorDetails;
  private LabelSet lastResult;

  public LabelsBuilder(LabelSet base) {
    this.base = base;
  }

  /** Forgets everything done for the previous line. */
  public void reset() {
    added.clear();
    addedCategories.clear();
    deleted.clear();
    parsed.clear();
    addedMask = 0;
    parsedMask = 0;
    error = null;
    errorDetails = null;
  }

  public LabelSet base() {
    return base;
  }

  /** The current value, or null. Error labels are visible under their names. */
  public String get(String name) {
    if (ERROR_LABEL.equals(name) && error != null) {
      return error;
    }
    if (ERROR_DETAILS_LABEL.equals(name) && errorDetails != null) {
      return errorDetails;
    }
    if ((addedMask & bit(name)) != 0) {
      for (int i = added.size() - 1; i >= 0; i--) {
        if (added.get(i).name().equals(name)) {
          return added.get(i).value();
        }
      }
    }
    return !deleted.isEmpty() && deleted.contains(name) ? null : base.get(name);
  }

  public boolean has(String name) {
    return get(name) != null;
  }

  /** Whether the stream itself carries the label, even if a stage dropped it since. */
  public boolean baseHas(String name) {
    return base.has(name);
  }

  /** Whether the entry's structured metadata (still) carries the label. */
  public boolean hasStructuredMetadata(String name) {
    if ((addedMask & bit(name)) == 0) {
      return false;
    }
    for (int i = 0; i < added.size(); i++) {
      if (addedCategories.get(i) == LabelCategory.STRUCTURED_METADATA
          && added.get(i).name().equals(name)) {
        return true;
      }
    }
    return false;
  }

  /**
   * The name a parser stores an extracted key under: {@code _extracted} is appended when the stream
   * or the structured metadata already has the name, as Loki does.
   */
  public String parsedName(String name) {
    return base.has(name) || hasStructuredMetadata(name) ? name + "_extracted" : name;
  }

  /** Whether a parsed label of that name was already set for this line. */
  public boolean wasParsed(String name) {
    return (parsedMask & bit(name)) != 0 && parsed.contains(name);
  }

  private static long bit(String name) {
    int h = name.hashCode();
    return 1L << ((h ^ (h >>> 6) ^ (h >>> 12)) & 63);
  }

  /**
   * Visits the current labels (stream, metadata, parsed) without building a label set; errors
   * excluded.
   */
  public void forEach(java.util.function.BiConsumer<String, String> visitor) {
    for (int i = 0; i < base.size(); i++) {
      Label l = base.get(i);
      if (!deleted.contains(l.name()) && !isAdded(l.name())) {
        visitor.accept(l.name(), l.value());
      }
    }
    for (int i = 0; i < added.size(); i++) {
      visitor.accept(added.get(i).name(), added.get(i).value());
    }
  }

  private boolean isAdded(String name) {
    for (int i = 0; i < added.size(); i++) {
      if (added.get(i).name().equals(name)) {
        return true;
      }
    }
    return false;
  }

  /** Sets a label extracted by a parser or formatter. */
  public void set(String name, String value) {
    set(LabelCategory.PARSED, name, value);
  }

  public void set(LabelCategory category, String name, String value) {
    if (ERROR_LABEL.equals(name)) {
      error = value;
      return;
    }
    if (ERROR_DETAILS_LABEL.equals(name)) {
      errorDetails = value;
      return;
    }
    long bit = bit(name);
    if ((addedMask & bit) != 0) {
      removeAdded(name);
    }
    added.add(new Label(name, value));
    addedCategories.add(category);
    addedMask |= bit;
    if (category == LabelCategory.PARSED && !wasParsed(name)) {
      parsed.add(name);
      parsedMask |= bit;
    }
  }

  public void delete(String name) {
    if (ERROR_LABEL.equals(name)) {
      error = null;
      return;
    }
    if (ERROR_DETAILS_LABEL.equals(name)) {
      errorDetails = null;
      return;
    }
    removeAdded(name);
    if (base.has(name) && !deleted.contains(name)) {
      deleted.add(name);
    }
  }

  private void removeAdded(String name) {
    if ((addedMask & bit(name)) == 0) {
      return;
    }
    for (int i = added.size() - 1; i >= 0; i--) {
      if (added.get(i).name().equals(name)) {
        added.remove(i);
        addedCategories.remove(i);
      }
    }
  }

  /** The category of a present label, or null. */
  public LabelCategory categoryOf(String name) {
    for (int i = added.size() - 1; i >= 0; i--) {
      if (added.get(i).name().equals(name)) {
        return addedCategories.get(i);
      }
    }
    if (ERROR_LABEL.equals(name) || ERROR_DETAILS_LABEL.equals(name)) {
      return has(name) ? LabelCategory.PARSED : null;
    }
    return !deleted.contains(name) && base.has(name) ? LabelCategory.STREAM : null;
  }

  public boolean hasError() {
    return error != null;
  }

  public String error() {
    return error;
  }

  public String errorDetails() {
    return errorDetails;
  }

  public void setError(String error) {
    this.error = error;
  }

  public void setError(String error, String details) {
    this.error = error;
    this.errorDetails = details;
  }

  public boolean isModified() {
    return !added.isEmpty() || !deleted.isEmpty() || error != null || errorDetails != null;
  }

  /** The final label set; the stream's own instance when nothing changed. */
  public LabelSet labels() {
    if (!isModified()) {
      return base;
    }
    List<Label> out = new ArrayList<>(base.size() + added.size() + 2);
    for (int i = 0; i < base.size(); i++) {
      Label l = base.get(i);
      if (!deleted.contains(l.name())) {
        out.add(l);
      }
    }
    out.addAll(added);
    if (error != null) {
      out.add(new Label(ERROR_LABEL, error));
    }
    if (errorDetails != null) {
      out.add(new Label(ERROR_DETAILS_LABEL, errorDetails));
    }
    LabelSet result = LabelSet.of(out);
    // Consecutive lines of a stream usually end with the same labels; share the instance.
    if (result.equals(lastResult)) {
      return lastResult;
    }
    lastResult = result;
    return result;
  }
}
