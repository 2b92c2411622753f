package io.skald.deploy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A reader for the Alloy configuration syntax, enough to check a pipeline's wiring: blocks ({@code
 * name "label" { ... }}), attributes ({@code key = expression}) with string values decoded and
 * other expressions kept as source text, and comments.
 */
final class AlloyConfig {

  /**
   * A block such as {@code loki.write "skald" { ... }}; {@code label} is null for unlabelled
   * blocks.
   */
  record Block(String name, String label, Map<String, String> attributes, List<Block> blocks) {

    /** The attribute's decoded value when it is a string literal, else its expression text. */
    Optional<String> attribute(String key) {
      return Optional.ofNullable(attributes.get(key));
    }

    List<Block> blocks(String blockName) {
      return blocks.stream().filter(b -> b.name().equals(blockName)).toList();
    }

    /**
     * The reference other components use for this component's exports, e.g. {@code
     * loki.write.skald}.
     */
    String reference() {
      return label == null ? name : name + "." + label;
    }
  }

  private final String src;
  private int pos;

  private AlloyConfig(String src) {
    this.src = src;
  }

  /** The top-level blocks of a configuration file. */
  static List<Block> parse(String text) {
    AlloyConfig p = new AlloyConfig(text);
    Block root = p.body("<root>", null, true);
    if (!root.attributes().isEmpty()) {
      throw new IllegalArgumentException("attributes at top level: " + root.attributes().keySet());
    }
    return root.blocks();
  }

  static List<Block> components(List<Block> blocks, String name) {
    return blocks.stream().filter(b -> b.name().equals(name)).toList();
  }

  private Block body(String name, String label, boolean topLevel) {
    Map<String, String> attributes = new LinkedHashMap<>();
    List<Block> blocks = new ArrayList<>();
    while (true) {
      skipSpaceAndComments();
      if (pos >= src.length()) {
        if (!topLevel) {
          throw error("unterminated block " + name);
        }
        return new Block(name, label, attributes, blocks);
      }
      if (src.charAt(pos) == '}') {
        if (topLevel) {
          throw error("unexpected }");
        }
        pos++;
        return new Block(name, label, attributes, blocks);
      }
      String ident = identifier();
      skipSpaceAndComments();
      char c = pos < src.length() ? src.charAt(pos) : '\0';
      if (c == '=') {
        pos++;
        if (attributes.put(ident, expression()) != null) {
          throw error("attribute " + ident + " set twice in " + name);
        }
      } else if (c == '"' || c == '{') {
        String blockLabel = null;
        if (c == '"') {
          blockLabel = string();
          skipSpaceAndComments();
        }
        expect('{');
        blocks.add(body(ident, blockLabel, false));
      } else {
        throw error("expected '=' or a block after " + ident);
      }
    }
  }

  /** Reads an expression up to the end of its line (outside brackets); decodes a lone string. */
  private String expression() {
    skipSpaces();
    int start = pos;
    int depth = 0;
    while (pos < src.length()) {
      char c = src.charAt(pos);
      if (c == '"') {
        string();
        continue;
      }
      if (c == '/'
          && pos + 1 < src.length()
          && (src.charAt(pos + 1) == '/' || src.charAt(pos + 1) == '*')
          && depth == 0) {
        break;
      }
      if (c == '[' || c == '{' || c == '(') {
        depth++;
      } else if (c == ']' || c == '}' || c == ')') {
        if (depth == 0) {
          break;
        }
        depth--;
      } else if (c == '\n' && depth == 0) {
        break;
      }
      pos++;
    }
    String text = src.substring(start, pos).strip();
    if (text.isEmpty()) {
      throw error("empty expression");
    }
    if (text.startsWith("\"") && text.endsWith("\"") && isSingleString(text)) {
      return AppConfig.unquote(text);
    }
    return text;
  }

  private static boolean isSingleString(String text) {
    for (int i = 1; i < text.length() - 1; i++) {
      if (text.charAt(i) == '\\') {
        i++;
      } else if (text.charAt(i) == '"') {
        return false;
      }
    }
    return true;
  }

  private String string() {
    int start = pos;
    expect('"');
    while (pos < src.length()) {
      char c = src.charAt(pos++);
      if (c == '\\') {
        pos++;
      } else if (c == '"') {
        return AppConfig.unquote(src.substring(start, pos));
      }
    }
    throw error("unterminated string");
  }

  private String identifier() {
    int start = pos;
    while (pos < src.length()
        && (Character.isLetterOrDigit(src.charAt(pos))
            || src.charAt(pos) == '_'
            || src.charAt(pos) == '.')) {
      pos++;
    }
    if (start == pos) {
      throw error("expected an identifier");
    }
    return src.substring(start, pos);
  }

  private void expect(char c) {
    if (pos >= src.length() || src.charAt(pos) != c) {
      throw error("expected '" + c + "'");
    }
    pos++;
  }

  private void skipSpaces() {
    while (pos < src.length() && (src.charAt(pos) == ' ' || src.charAt(pos) == '\t')) {
      pos++;
    }
  }

  private void skipSpaceAndComments() {
    while (pos < src.length()) {
      char c = src.charAt(pos);
      if (Character.isWhitespace(c)) {
        pos++;
      } else if (src.startsWith("//", pos)) {
        while (pos < src.length() && src.charAt(pos) != '\n') {
          pos++;
        }
      } else if (src.startsWith("/*", pos)) {
        int end = src.indexOf("*/", pos + 2);
        if (end < 0) {
          throw error("unterminated comment");
        }
        pos = end + 2;
      } else {
        return;
      }
    }
  }

  private IllegalArgumentException error(String message) {
    int line = 1;
    for (int i = 0; i < Math.min(pos, src.length()); i++) {
      if (src.charAt(i) == '\n') {
        line++;
      }
    }
    return new IllegalArgumentException("alloy config line " + line + ": " + message);
  }
}
