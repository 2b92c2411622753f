package io.skald.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Each pattern enables exactly the functions it names, for every target list a process may get. */
class TargetsTest {

  private static final List<String> FUNCTIONS =
      List.of("ingest", "chunker", "querier", "compactor");

  private static final Map<String, Set<String>> ENABLED_BY =
      Map.of(
          Targets.INGEST, Set.of("ingest"),
          Targets.CHUNKER, Set.of("chunker"),
          Targets.COMPACTOR, Set.of("compactor"),
          Targets.QUERIER, Set.of("querier"),
          Targets.USES_BUS, Set.of("ingest", "chunker", "compactor"),
          Targets.USES_OBJECT_STORE, Set.of("chunker", "compactor", "querier"));

  @Test
  void everyPatternMatchesExactlyTheListsHoldingOneOfItsFunctions() {
    for (List<String> targets : everyTargetList()) {
      String value = String.join(",", targets);
      ENABLED_BY.forEach(
          (pattern, functions) -> {
            boolean expected =
                targets.contains(Targets.ALL) || targets.stream().anyMatch(functions::contains);
            assertThat(value.matches(pattern))
                .as("%s matches %s", value, pattern)
                .isEqualTo(expected);
          });
      assertThat(value).matches(Targets.VALID);
    }
  }

  @Test
  void validRefusesUnknownNamesAndMalformedLists() {
    assertThat(
            List.of(
                "everything",
                "all,querier",
                "querier,",
                ",querier",
                "Querier",
                "rebuild-index",
                ""))
        .allSatisfy(v -> assertThat(v).doesNotMatch(Targets.VALID));
    assertThat("rebuild-index")
        .doesNotMatch(Targets.USES_BUS)
        .doesNotMatch(Targets.USES_OBJECT_STORE)
        .doesNotMatch(Targets.INGEST)
        .doesNotMatch(Targets.CHUNKER)
        .doesNotMatch(Targets.COMPACTOR)
        .doesNotMatch(Targets.QUERIER);
  }

  @Test
  void namesAreAllAndEveryFunction() {
    List<String> expected = new ArrayList<>(List.of(Targets.ALL));
    expected.addAll(FUNCTIONS);
    assertThat(Targets.NAMES).containsExactlyInAnyOrderElementsOf(expected);
  }

  /** "all" and every non-empty ordered list of distinct functions. */
  private static List<List<String>> everyTargetList() {
    List<List<String>> out = new ArrayList<>();
    out.add(List.of(Targets.ALL));
    permutations(new ArrayList<>(), out);
    return out;
  }

  private static void permutations(List<String> prefix, List<List<String>> out) {
    for (String f : FUNCTIONS) {
      if (!prefix.contains(f)) {
        List<String> next = new ArrayList<>(prefix);
        next.add(f);
        out.add(next);
        permutations(next, out);
      }
    }
  }
}
