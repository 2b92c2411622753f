package io.skald.logql.syntax;

import static io.skald.logql.syntax.LogqlAssertions.parse;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Literal-only arithmetic is folded at parse time with Loki's MergeBinOp and Go's math. */
class LiteralFoldingTest {

  private static double folded(String query) {
    Expr e = parse(query);
    assertThat(e).as(query).isInstanceOf(LiteralExpr.class);
    return ((LiteralExpr) e).value();
  }

  @Test
  void divisionAndModuloByZeroGiveNaN() {
    assertThat(folded("1 / 0")).isNaN();
    assertThat(folded("-1 / 0")).isNaN();
    assertThat(folded("0 / 0")).isNaN();
    assertThat(folded("1 % 0")).isNaN();
    assertThat(folded("7 % 4")).isEqualTo(3);
    assertThat(folded("-7 % 4")).isEqualTo(-3); // Go's math.Mod keeps the dividend's sign
    assertThat(folded("1 / 4")).isEqualTo(0.25);
    assertThat(parse("1 / 0").toString()).isEqualTo("NaN");
  }

  @Test
  void powerFollowsGoMathPow() {
    // A NaN exponent can only come from a folded division by zero.
    assertThat(folded("1 ^ (0 / 0)")).isEqualTo(1);
    assertThat(folded("(0 / 0) ^ 0")).isEqualTo(1);
    assertThat(folded("2 ^ (0 / 0)")).isNaN();
    assertThat(folded("2 ^ 10")).isEqualTo(1024);
    assertThat(folded("2 ^ 3 ^ 2")).isEqualTo(512);
    assertThat(AstBuilder.fold(BinOp.POW, 1, Double.POSITIVE_INFINITY)).isEqualTo(1);
    assertThat(AstBuilder.fold(BinOp.POW, 1, Double.NaN)).isEqualTo(1);
    assertThat(AstBuilder.fold(BinOp.POW, -1, Double.POSITIVE_INFINITY)).isEqualTo(1);
    assertThat(AstBuilder.fold(BinOp.POW, -1, Double.NEGATIVE_INFINITY)).isEqualTo(1);
    assertThat(AstBuilder.fold(BinOp.POW, -8, 1.0 / 3)).isNaN();
    assertThat(AstBuilder.fold(BinOp.POW, 0, -1)).isEqualTo(Double.POSITIVE_INFINITY);
  }
}
