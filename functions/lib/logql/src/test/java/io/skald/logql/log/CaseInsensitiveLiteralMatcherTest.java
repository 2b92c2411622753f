package io.skald.logql.log;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Guards the fast path of {@code |~ "(?i)literal"} for literals with k or s: they must not fall
 * back to the regex engine for every line (15–20x slower), and must still match the two non-ASCII
 * case folds RE2 knows for those letters.
 */
class CaseInsensitiveLiteralMatcherTest {

  private static boolean matches(LineMatcher m, String line) {
    byte[] b = line.getBytes(StandardCharsets.UTF_8);
    return m.matches(new LineBuffer(b, 0, b.length));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    // literal, its letter in ASCII of the other case, the non-ASCII fold of that letter
    "deadlock, DEADLOCK, deadloc\u212A",
    "Kelvin, kELVIN, \u212Aelvin",
    "sql, SQL, \u017Fql",
    "Session, sESSION, \u017Fe\u017F\u017Fion",
  })
  void literalsWithKOrSTakeTheFastPathAndKeepTheirUnicodeFolds(
      String literal, String otherCase, String nonAsciiFold) {
    LineMatcher m = RegexLineMatcher.simplify("(?i)" + literal);

    assertThat(m).isInstanceOf(CaseInsensitiveLiteralMatcher.class);
    assertThat(matches(m, "an " + otherCase + " here")).isTrue();
    assertThat(matches(m, "an " + literal.toLowerCase() + " here")).isTrue();
    assertThat(matches(m, "an " + nonAsciiFold + " here")).as("Unicode fold").isTrue();
    assertThat(matches(m, "nothing of the kind \u212A \u017F here")).isFalse();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"k", "K", "s", "S"})
  void eachFoldingLetterAloneMatchesItsNonAsciiFold(String letter) {
    LineMatcher m = RegexLineMatcher.simplify("(?i)" + letter);
    String fold = letter.equalsIgnoreCase("k") ? "\u212A" : "\u017F";

    assertThat(m).isInstanceOf(CaseInsensitiveLiteralMatcher.class);
    assertThat(matches(m, "x" + fold + "x")).isTrue();
    assertThat(matches(m, "x" + letter.toUpperCase() + "x")).isTrue();
    assertThat(matches(m, "x" + letter.toLowerCase() + "x")).isTrue();
    assertThat(matches(m, "xyz \u00e9")).isFalse();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {"a.b-c:k|A.B-C:\u212A", "s/t=u|\u017F/T=U", "x\"s|X\"\u017F"})
  void punctuationInTheLiteralStaysLiteralOnTheUnicodePath(String literal, String line) {
    LineMatcher m = CaseInsensitiveLiteralMatcher.ofAscii(literal);

    assertThat(matches(m, "<" + line + ">")).isTrue();
  }
}
