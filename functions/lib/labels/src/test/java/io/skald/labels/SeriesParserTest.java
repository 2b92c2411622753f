package io.skald.labels;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SeriesParserTest {

  private static List<Label> parse(String text) {
    return SeriesParser.parse(text);
  }

  private static Label l(String name, String value) {
    return new Label(name, value);
  }

  @Test
  void parsesValidForms() {
    assertThat(parse("{app=\"x\", env=\"prod\"}")).containsExactly(l("app", "x"), l("env", "prod"));
    assertThat(parse("{env=\"prod\",app=\"x\",}")).containsExactly(l("env", "prod"), l("app", "x"));
    assertThat(parse("  {\n a = 'single' ,\tb=`raw \\n`\n} "))
        .containsExactly(l("a", "single"), l("b", "raw \\n"));
    assertThat(parse("{ \"foo\"=\"bar2\",      \"environment\"=\"prod\"   }"))
        .containsExactly(l("foo", "bar2"), l("environment", "prod"));
    assertThat(parse("{\"service.name\"=\"svc\"}")).containsExactly(l("service.name", "svc"));
    assertThat(parse("up{job=\"a\"}")).containsExactly(l("job", "a"), l("__name__", "up"));
    assertThat(parse("up{__name__=\"x\", job=\"a\"}"))
        .containsExactly(l("__name__", "up"), l("job", "a"));
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
  void keepsEmptyValuesAndDuplicatesForTheCallerToJudge() {
    assertThat(parse("{b=\"\", a=\"1\", c=\"3\", a=\"2\"}"))
        .containsExactly(l("b", ""), l("a", "1"), l("c", "3"), l("a", "2"));
  }

  @Test
  void byteEscapesFormUtf8AndInvalidBytesBecomeReplacementRunes() {
    assertThat(parse("{a=\"\\xc3\\xa9\\303\\251\"}")).containsExactly(l("a", "éé"));
    assertThat(parse("{a=\"\\xff\\xe2\\x82\"}")).containsExactly(l("a", "\uFFFD\uFFFD\uFFFD"));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '~',
      value = {
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
        .isInstanceOf(LabelSyntaxException.class)
        .hasMessage(detail);
  }

  @Test
  void positionsCountLines() {
    assertThatThrownBy(() -> parse("{a=\"b\",\n c=d}"))
        .hasMessage("2:4: parse error: unexpected identifier \"d\" in label set, expected string");
  }

  @Test
  void longStringTokensAreAbbreviatedInMessages() {
    assertThatThrownBy(() -> parse("{a=\"b\" \"0123456789abc\"}"))
        .hasMessage(
            "1:8: parse error: unexpected string \"\\\"012345678\"... in label set, "
                + "expected \",\" or \"}\"");
  }
}
