package io.skald.logql.log;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.skald.labels.Label;
import io.skald.labels.LabelSet;
import io.skald.logql.syntax.LogQL;
import io.skald.logql.syntax.LogSelectorExpr;
import io.skald.logql.syntax.LogqlAssertions;
import io.skald.logql.syntax.ParseException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class LineFilterTest {

  /** Runs {app="x"} + filters over a line embedded in a larger array (offset != 0). */
  static boolean keeps(String filters, String line) {
    String query = "{app=\"x\"} " + filters;
    LogqlAssertions.assertRoundTrip(query);
    try {
      LogSelectorExpr expr = LogQL.parseLogSelector(query);
      StreamPipeline p = Pipeline.compile(expr.pipeline()).forStream(LabelSet.of("app", "x"));
      byte[] body = line.getBytes(StandardCharsets.UTF_8);
      byte[] padded = new byte[body.length + 6];
      System.arraycopy("@@@".getBytes(StandardCharsets.UTF_8), 0, padded, 0, 3);
      System.arraycopy(body, 0, padded, 3, body.length);
      System.arraycopy("@@@".getBytes(StandardCharsets.UTF_8), 0, padded, 3 + body.length, 3);
      boolean sliced = p.process(0, padded, 3, body.length, null).keep();
      boolean whole = p.process(0, body, 0, body.length, null).keep();
      assertThat(sliced)
          .as("slice and whole array agree for %s on %s", filters, line)
          .isEqualTo(whole);
      return whole;
    } catch (ParseException e) {
      throw new AssertionError(e.getMessage(), e);
    }
  }

  @Test
  void containsFilters() {
    assertThat(keeps("|= \"error\"", "an error occurred")).isTrue();
    assertThat(keeps("|= \"error\"", "an Error occurred")).isFalse();
    assertThat(keeps("|= \"error\"", "err")).isFalse();
    assertThat(keeps("|= \"\"", "anything")).isTrue();
    assertThat(keeps("|= \"\"", "")).isTrue();
    assertThat(keeps("!= \"\"", "anything")).isFalse();
    assertThat(keeps("!= \"debug\"", "level=debug")).isFalse();
    assertThat(keeps("!= \"debug\"", "level=info")).isTrue();
    assertThat(keeps("|= \"ü\"", "grüße")).isTrue();
    assertThat(keeps("|= \"abcabd\"", "abcabcabd")).isTrue();
    assertThat(keeps("|= \"aab\"", "aaab")).isTrue();
  }

  @Test
  void chainedFiltersAllMustPass() {
    assertThat(keeps("|= \"a\" |= \"b\" != \"c\"", "a b")).isTrue();
    assertThat(keeps("|= \"a\" |= \"b\" != \"c\"", "a b c")).isFalse();
    assertThat(keeps("|= \"a\" |= \"b\" != \"c\"", "a")).isFalse();
  }

  @Test
  void orChains() {
    assertThat(keeps("|= \"a\" or \"b\"", "xbx")).isTrue();
    assertThat(keeps("|= \"a\" or \"b\"", "xcx")).isFalse();
    // A negated or-chain keeps lines containing none of the operands.
    assertThat(keeps("!= \"a\" or \"b\"", "xcx")).isTrue();
    assertThat(keeps("!= \"a\" or \"b\"", "xbx")).isFalse();
    assertThat(keeps("|~ \"a.c\" or \"z+\"", "zz")).isTrue();
    assertThat(keeps("!~ \"a.c\" or \"z+\"", "abc")).isFalse();
    assertThat(keeps("|> \"<_> a\" or \"b <_>\"", "b c")).isTrue();
    assertThat(keeps("|= \"x\" or ip(\"10.0.0.1\")", "from 10.0.0.1 ok")).isTrue();
  }

  @Test
  void regexFilters() {
    assertThat(keeps("|~ \"err(or)?\"", "an err")).isTrue();
    assertThat(keeps("|~ \"^an\"", "an err")).isTrue();
    assertThat(keeps("|~ \"^err\"", "an err")).isFalse();
    assertThat(keeps("!~ \"err(or)?\"", "an err")).isFalse();
    assertThat(keeps("!~ \"err(or)?\"", "fine")).isTrue();
    assertThat(keeps("|~ \"\\\\d{3}\"", "code 503")).isTrue();
    assertThat(keeps("|~ \"ä.b\"", "xäzb")).isTrue();
    assertThat(keeps("|~ \"a.b\"", "a\nb")).isFalse();
  }

  @Test
  void regexFastPaths() {
    assertThat(keeps("|~ \"error\"", "an error")).isTrue();
    assertThat(keeps("|~ \"(?i)error\"", "an ERROR")).isTrue();
    assertThat(keeps("|~ \"(?i)ERROR\"", "an eRrOr")).isTrue();
    assertThat(keeps("|~ \"(?i)error\"", "an erro")).isFalse();
    assertThat(keeps("|~ \"(?i)ÄRGER\"", "so ärger")).isTrue();
    assertThat(keeps("|~ \"(?i)kelvin\"", "\u212Aelvin")).isTrue();
    assertThat(keeps("|~ \"foo|bar\"", "xbarx")).isTrue();
    assertThat(keeps("|~ \"foo|bar\"", "xbazx")).isFalse();
    assertThat(keeps("|~ \"foo|\"", "anything")).isTrue();
    assertThat(keeps("|~ \"a\\\\.b\"", "a.b")).isTrue();
    assertThat(keeps("|~ \"a\\\\.b\"", "axb")).isFalse();
    assertThat(RegexLineMatcher.simplify("error")).isInstanceOf(LiteralMatcher.class);
    assertThat(RegexLineMatcher.simplify("(?i)error"))
        .isInstanceOf(CaseInsensitiveLiteralMatcher.class);
    assertThat(RegexLineMatcher.simplify("err.r")).isNull();
    assertThat(RegexLineMatcher.simplify("\\d")).isNull();
  }

  @Test
  void patternFilters() {
    assertThat(keeps("|> \"<_> GET <_>\"", "1.2.3.4 GET /index")).isTrue();
    assertThat(keeps("|> \"<_> GET <_>\"", "1.2.3.4 POST /index")).isFalse();
    // A trailing capture needs a non-empty rest; a trailing literal must end the line.
    assertThat(keeps("|> \"<_> GET <_>\"", "1.2.3.4 GET ")).isFalse();
    assertThat(keeps("|> \"<_> bar\"", "foo bar baz")).isFalse();
    assertThat(keeps("|> \"<_> baz\"", "foo bar baz")).isTrue();
    assertThat(keeps("|> \"foo <_>\"", "foo bar baz")).isTrue();
    // Captures between literals must not be empty.
    assertThat(keeps("|> \"<_> bar <_>\"", " bar ")).isFalse();
    assertThat(keeps("|> \"<_>bar<_>\"", " bar ")).isTrue();
    assertThat(keeps("|> \"a<_>b<_>c\"", "abbc")).isFalse();
    assertThat(keeps("|> \"a<_>b<_>c\"", "axbyc")).isTrue();
    assertThat(keeps("!> \"<_> GET <_>\"", "1.2.3.4 POST /index")).isTrue();
    assertThat(keeps("|> \"\"", "")).isTrue();
    assertThat(keeps("|> \"\"", "x")).isFalse();
    assertThat(keeps("|> \"unicode ▶ <_>\"", "unicode ▶ character")).isTrue();
    assertThat(keeps("|> \"<a\"", "x<a")).isTrue();
  }

  @Test
  void invalidOperandsFailCompilationLikeLoki() throws ParseException {
    assertCompileError(
        "{a=\"b\"} |~ \"(\"",
        "parse error : stage '|~ \"(\"' : error parsing regexp: missing closing ): `(`");
    assertCompileError(
        "{a=\"b\"} |> \"<_><_>\"",
        "parse error : stage '|> \"<_><_>\"' : found consecutive capture '<_><_>': invalid expression");
    assertCompileError(
        "{a=\"b\"} |> \"<x> a\"",
        "parse error : stage '|> \"<x> a\"' : named captures are not allowed: found '<x>'");
    assertCompileError(
        "{a=\"b\"} |~ ip(\"1.2.3.4\")",
        "parse error : stage '|~ ip(\"1.2.3.4\")' : ip: invalid operation");
    assertCompileError(
        "{a=\"b\"} |= ip(\"1.2.3\")",
        "parse error : stage '|= ip(\"1.2.3\")' : ip: invalid pattern: \"1.2.3\"");
  }

  private static void assertCompileError(String query, String message) throws ParseException {
    LogSelectorExpr expr = LogQL.parseLogSelector(query);
    assertThatThrownBy(() -> Pipeline.compile(expr.pipeline()))
        .isInstanceOf(ParseException.class)
        .hasMessage(message);
  }

  @Test
  void resultExposesLineAndLabels() throws ParseException {
    StreamPipeline p =
        Pipeline.compile(LogQL.parseLogSelector("{app=\"x\"} |= \"b\"").pipeline())
            .forStream(LabelSet.of("app", "x"));
    byte[] line = "abc".getBytes(StandardCharsets.UTF_8);
    PipelineResult r = p.process(1, line, 0, 3, java.util.List.of(new Label("trace_id", "t1")));
    assertThat(r.keep()).isTrue();
    assertThat(r.lineAsString()).isEqualTo("abc");
    assertThat(r.lineArray()).isSameAs(line);
    assertThat(r.labels()).isEqualTo(LabelSet.of("app", "x", "trace_id", "t1"));
    assertThat(r.categoryOf("trace_id")).isEqualTo(LabelCategory.STRUCTURED_METADATA);
    assertThat(r.categoryOf("app")).isEqualTo(LabelCategory.STREAM);
    assertThat(p.process(2, line, 0, 3, null).labels()).isSameAs(p.streamLabels());
  }
}
