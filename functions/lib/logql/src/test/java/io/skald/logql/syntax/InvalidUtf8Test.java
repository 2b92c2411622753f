package io.skald.logql.syntax;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A byte that is not UTF-8 fails the query as in Loki's lexer, at the position Go's scanner has
 * when it reads the byte. The inputs are URL-encoded, as they arrive over HTTP.
 */
class InvalidUtf8Test {

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiterString = " => ",
      value = {
        // inside a token: that token's position
        "{app=\"%FF\"} => parse error at line 1, col 6: invalid UTF-8 encoding",
        "{app=\"a\"} |= \"x%FFy\" => parse error at line 1, col 14: invalid UTF-8 encoding",
        "{app=\"a\"} |= `%C3%28` => parse error at line 1, col 14: invalid UTF-8 encoding",
        "sum(rate({app=\"a\"} |= \"%FF\"[1m])) => parse error at line 1, col 23: invalid UTF-8 encoding",
        "{app=\"a\"}%0A |= \"%FF\" => parse error at line 2, col 5: invalid UTF-8 encoding",
        // right after a token: read as its look-ahead
        "{app=\"a\"}%FF => parse error at line 1, col 9: invalid UTF-8 encoding",
        "{app=\"a\"} #%FF => parse error at line 1, col 11: invalid UTF-8 encoding",
        // read with Scanner.Next, or after white space: line 0
        "{app=\"a\"} |=%FF => parse error at line 0, col 11: invalid UTF-8 encoding",
        "{app=\"a\"}[5%FFm] => parse error at line 0, col 10: invalid UTF-8 encoding",
        "{app=\"a\"} %FF => parse error at line 0, col 9: invalid UTF-8 encoding",
        "{app=\"a\"} # c%FF => parse error at line 0, col 11: invalid UTF-8 encoding",
        // the first byte has no position
        "%FF{app=\"a\"} => parse error : invalid UTF-8 encoding",
        // a syntax error Loki meets before reading the byte comes first
        "{app=} |= \"%FF\" => parse error at line 1, col 6: syntax error: unexpected }, expecting STRING",
        // overlong forms, surrogates and truncated sequences are not UTF-8 either
        "{app=\"%C0%80\"} => parse error at line 1, col 6: invalid UTF-8 encoding",
        "{app=\"%ED%A0%80\"} => parse error at line 1, col 6: invalid UTF-8 encoding",
        "{app=\"%E2%82\"} => parse error at line 1, col 6: invalid UTF-8 encoding",
      })
  void failsWhereLokisLexerDoes(String encoded, String message) {
    String query = QueryText.decodeUrlComponent(encoded.strip());
    assertThatThrownBy(() -> LogQL.parse(query))
        .isInstanceOf(ParseException.class)
        .hasMessage(message.strip());
    assertThatThrownBy(() -> LogQL.parseWithoutValidation(query)).hasMessage(message.strip());
  }

  @Test
  void validUtf8AndTheReplacementCharacterItselfParse() throws ParseException {
    assertThat(LogQL.parse(QueryText.decodeUrlComponent("{app=\"%C3%A9%F0%9F%91%8C\"}")))
        .hasToString("{app=\"é👌\"}");
    assertThat(LogQL.parse(QueryText.decodeUrlComponent("{app=\"%EF%BF%BD\"}")))
        .hasToString("{app=\"\uFFFD\"}");
  }

  @Test
  void selectorOnlyParametersFailTheSameWay() {
    assertThatThrownBy(
            () -> LogQL.parseMatchers(QueryText.decodeUrlComponent("{app=\"%FF\"}"), false))
        .hasMessage("parse error at line 1, col 6: invalid UTF-8 encoding");
  }
}
