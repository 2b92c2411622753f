package io.skald.routes.pushingest.labels;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.skald.routes.pushingest.PushException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LabelsParserTest {

  private static List<Label> parse(String text) {
    return LabelsParser.parse(text);
  }

  private static Label l(String name, String value) {
    return new Label(name, value);
  }

  @Test
  void parsesValidForms() {
    assertThat(parse("{app=\"x\", env=\"prod\"}")).containsExactly(l("app", "x"), l("env", "prod"));
    assertThat(parse("{env=\"prod\",app=\"x\",}")).containsExactly(l("app", "x"), l("env", "prod"));
    assertThat(parse("  {\n a = 'single' ,\tb=`raw \\n`\n} ")).containsExactly(l("a", "single"), l("b", "raw \\n"));
    assertThat(parse("{ \"foo\"=\"bar2\",      \"environment\"=\"prod\"   }"))
        .containsExactly(l("environment", "prod"), l("foo", "bar2"));
    assertThat(parse("{\"service.name\"=\"svc\"}")).containsExactly(l("service.name", "svc"));
    assertThat(parse("up{job=\"a\"}")).containsExactly(l("__name__", "up"), l("job", "a"));
    assertThat(parse("{\"up\", job=\"a\"}")).containsExactly(l("__name__", "up"), l("job", "a"));
    assertThat(parse("{a=\"b\"} # trailing comment")).containsExactly(l("a", "b"));
    assertThat(parse("{}")).isEmpty();
    assertThat(parse("")).isEmpty();
  }

  @Test
  void decodesGoEscapes() {
    assertThat(parse("{a=\"q\\\"t\\\\n\\n\\t\\u00e9\\x41\\101\\U0001F600\"}"))
        .containsExactly(l("a", "q\"t\\n\n\té" + "AA" + "\uD83D\uDE00"));
    assertThat(parse("{a='it\\'s'}")).containsExactly(l("a", "it's"));
  }

  @Test
  void dropsEmptyValuesAndKeepsDuplicatesSorted() {
    assertThat(parse("{b=\"\", a=\"1\", c=\"3\", a=\"2\"}")).containsExactly(l("a", "1"), l("a", "2"), l("c", "3"));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', quoteCharacter = '~', value = {
    "{a=\"b\"|1:7: parse error: unexpected end of input inside braces",
    "~{a=\"b\", ~|1:9: parse error: unexpected end of input inside braces",
    "{a=b}|1:4: parse error: unexpected identifier \"b\" in label set, expected string",
    "{a}|1:3: parse error: unexpected \"}\" in label set, expected \"=\"",
    "{a!=\"b\"}|1:3: parse error: unexpected <op:!=> in label set, expected \"=\"",
    "{a=~\"b\"}|1:3: parse error: unexpected <op:=~> in label set, expected \"=\"",
    "{a=\"b\" c=\"d\"}|1:8: parse error: unexpected identifier \"c\" in label set, expected \",\" or \"}\"",
    "{,}|1:2: parse error: unexpected \",\" in label set, expected identifier or \"}\"",
    "{service.name=\"x\"}|1:9: parse error: unexpected character inside braces: '.'",
    "{a=\"b\"}}|1:8: parse error: unexpected character: '}'",
    "{a=\"b\"} x|1:9: parse error: unexpected identifier \"x\"",
    "a=\"b\"|1:2: parse error: unexpected \"=\"",
    "{a=\"b|1:4: parse error: unterminated quoted string",
    "{a=`b|1:4: parse error: unterminated raw string",
    "{a=\"\\q\"}|1:4: parse error: unknown escape sequence U+0071 'q'",
    "{a=\"\\xZZ\"}|1:4: parse error: illegal character U+005A 'Z' in escape sequence",
    "{a=\"\\uD800\"}|1:4: parse error: escape sequence is an invalid Unicode code point",
    "{a=\"x\uFFFDy\"}|1:4: parse error: invalid UTF-8 rune",
    "{1a=\"b\"}|1:2: parse error: unexpected character inside braces: '1'",
    "{a{|1:3: parse error: unexpected left brace '{'",
    "{a!b}|1:3: parse error: unexpected character after '!' inside braces: 'b'",
    "{\"verylongquotedname\" x}|1:23: parse error: unexpected identifier \"x\" in label set, expected \",\" or \"}\"",
    "{é=\"b\"}|1:2: parse error: unexpected character inside braces: 'é'",
    "{a=\"é\" x}|1:9: parse error: unexpected identifier \"x\" in label set, expected \",\" or \"}\"",
  })
  void rejectsInvalidFormsWithPrometheusTexts(String text, String detail) {
    assertThatThrownBy(() -> parse(text))
        .isInstanceOfSatisfying(PushException.class, e -> {
          assertThat(e.status()).isEqualTo(400);
          assertThat(e.getMessage()).isEqualTo("couldn't parse labels: " + detail);
        });
  }

  @Test
  void positionsCountLines() {
    assertThatThrownBy(() -> parse("{a=\"b\",\n c=d}"))
        .hasMessage("couldn't parse labels: 2:4: parse error: unexpected identifier \"d\" in label set, expected string");
  }

  @Test
  void longStringTokensAreAbbreviatedInMessages() {
    assertThatThrownBy(() -> parse("{a=\"b\" \"0123456789abc\"}"))
        .hasMessage("couldn't parse labels: 1:8: parse error: unexpected string \"\\\"012345678\"... in label set, "
            + "expected \",\" or \"}\"");
  }

  @Test
  void canonicalFormIsSortedQuotedAndSkipsEmptyValues() {
    assertThat(LabelsParser.canonical(List.of(l("env", "prod"), l("app", "a\"b\\c\nd\u0001é"), l("x", ""))))
        .isEqualTo("{app=\"a\\\"b\\\\c\\nd\\x01é\", env=\"prod\"}");
    assertThat(LabelsParser.canonical(List.of(l("service.name", "x"), l("a", "1"))))
        .isEqualTo("{a=\"1\", \"service.name\"=\"x\"}");
    assertThat(LabelsParser.canonical(List.of())).isEqualTo("{}");
  }

  @Test
  void canonicalRoundTrips() {
    String text = "{z=\"1\", a=\"two words\", m=\"\\u00e9\\t\"}";
    String canonical = LabelsParser.canonical(parse(text));

    assertThat(canonical).isEqualTo("{a=\"two words\", m=\"é\\t\", z=\"1\"}");
    assertThat(LabelsParser.canonical(parse(canonical))).isEqualTo(canonical);
  }

  @Test
  void classicNames() {
    assertThat(LabelsParser.isClassicName("_a9")).isTrue();
    assertThat(LabelsParser.isClassicName("9a")).isFalse();
    assertThat(LabelsParser.isClassicName("a.b")).isFalse();
    assertThat(LabelsParser.isClassicName("")).isFalse();
  }
}
