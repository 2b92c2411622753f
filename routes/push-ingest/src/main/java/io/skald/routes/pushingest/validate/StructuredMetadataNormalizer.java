package io.skald.routes.pushingest.validate;

import io.skald.gocompat.GoQuote;
import io.skald.gocompat.Utf8;
import io.skald.routes.pushingest.PushException;
import io.skald.routes.pushingest.model.MetadataPair;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Normalises structured-metadata names to Prometheus label names as Loki's distributor does (the
 * OTel translator's {@code LabelNamer}: every run of characters outside {@code [a-zA-Z0-9]} becomes
 * one {@code _}, a leading digit gets {@code key_}, {@code __x__} keeps its underscores) and strips
 * U+FFFD (invalid UTF-8) from values. The result is sorted by name, with Loki's label-builder
 * semantics: a renamed pair replaces a pair of the target name, and a renamed pair with an empty
 * value is dropped.
 *
 * <p>A name that cannot be normalised (empty, or only underscores after normalising) fails the
 * whole request. Loki answers 500 here; Skald answers 400 with the same text, because the request
 * is the client's mistake and clients retry 5xx forever.
 */
public final class StructuredMetadataNormalizer {
  private static final Comparator<MetadataPair> BY_NAME =
      (a, b) -> Utf8.compare(a.name(), b.name());

  private StructuredMetadataNormalizer() {}

  public static List<MetadataPair> normalize(List<MetadataPair> metadata) {
    if (metadata.isEmpty()) {
      return metadata;
    }
    List<MetadataPair> base = new ArrayList<>(metadata);
    base.sort(BY_NAME);
    Map<String, String> add = new LinkedHashMap<>();
    Set<String> del = new HashSet<>();
    for (MetadataPair p : metadata) {
      String normalized = labelName(p.name());
      if (!normalized.equals(p.name())) {
        add.remove(p.name());
        del.add(p.name());
        set(add, del, normalized, p.value());
      }
      if (p.value().indexOf('\uFFFD') >= 0) {
        set(add, del, normalized, p.value().replace("\uFFFD", ""));
      }
    }
    if (add.isEmpty() && del.isEmpty()) {
      return base;
    }
    List<MetadataPair> adds = new ArrayList<>();
    add.forEach((k, v) -> adds.add(new MetadataPair(k, v)));
    adds.sort(BY_NAME);
    List<MetadataPair> out = new ArrayList<>(base.size() + adds.size());
    int a = 0;
    for (MetadataPair b : base) {
      if (del.contains(b.name())) {
        continue;
      }
      while (a < adds.size() && Utf8.compare(adds.get(a).name(), b.name()) < 0) {
        out.add(adds.get(a++));
      }
      if (a < adds.size() && adds.get(a).name().equals(b.name())) {
        out.add(adds.get(a++));
        continue;
      }
      out.add(b);
    }
    while (a < adds.size()) {
      out.add(adds.get(a++));
    }
    return out;
  }

  /** Prometheus' {@code labels.Builder.Set}: an empty value deletes. */
  private static void set(Map<String, String> add, Set<String> del, String name, String value) {
    if (value.isEmpty()) {
      add.remove(name);
      del.add(name);
    } else {
      add.put(name, value);
    }
  }

  /**
   * The OTel translator's {@code LabelNamer{}.Build(name)} (UTF-8 not allowed, underscores
   * collapsed).
   */
  public static String labelName(String name) {
    if (name.isEmpty()) {
      throw new PushException(400, "label name is empty");
    }
    String body = name;
    boolean reserved = name.length() >= 4 && name.startsWith("__") && name.endsWith("__");
    if (reserved) {
      body = name.substring(2, name.length() - 2);
    }
    StringBuilder b = new StringBuilder(body.length());
    boolean prevUnderscore = false;
    for (int i = 0; i < body.length(); ) {
      int cp = body.codePointAt(i);
      i += Character.charCount(cp);
      if ((cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || (cp >= '0' && cp <= '9')) {
        b.append((char) cp);
        prevUnderscore = false;
      } else if (!prevUnderscore) {
        b.append('_');
        prevUnderscore = true;
      }
    }
    String normalized = reserved ? "__" + b + "__" : b.toString();
    if (!normalized.isEmpty() && normalized.charAt(0) >= '0' && normalized.charAt(0) <= '9') {
      normalized = "key_" + normalized;
    }
    if (normalized.chars().allMatch(c -> c == '_')) {
      throw new PushException(
          400,
          "normalization for label name "
              + GoQuote.quote(name)
              + " resulted in invalid name "
              + GoQuote.quote(normalized));
    }
    return normalized;
  }
}
