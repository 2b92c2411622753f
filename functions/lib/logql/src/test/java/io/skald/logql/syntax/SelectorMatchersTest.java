package io.skald.logql.syntax;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The selector rules LogQL adds on top of the label matchers ({@code io.skald.labels.Matcher}). */
class SelectorMatchersTest {

  @Test
  void selectorRequiresANonEmptyMatcher() throws ParseException {
    assertThat(LogQL.parseMatchers("{app=\"x\", env=~\".*\"}", true)).hasSize(2);
    for (String q :
        new String[] {"{}", "{app=~\".*\"}", "{app=\"\"}", "{app!=\"x\"}", "{a!~\".+\", b=\"\"}"}) {
      assertThatThrownBy(() -> LogQL.parse(q))
          .as(q)
          .isInstanceOf(ParseException.class)
          .hasMessage("parse error : " + StreamSelector.EMPTY_COMPATIBLE_ERROR);
    }
    assertThat(StreamSelector.EMPTY_COMPATIBLE_ERROR)
        .isEqualTo(
            "queries require at least one regexp or equality "
                + "matcher that does not have an empty-compatible value. For instance, app=~\".*\" does not meet this "
                + "requirement, but app=~\".+\" will");
  }
}
