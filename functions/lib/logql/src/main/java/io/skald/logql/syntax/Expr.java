package io.skald.logql.syntax;

/**
 * A parsed LogQL query. Every node is immutable and prints canonical LogQL from {@link
 * #toString()}: {@code LogQL.parse(e.toString()).equals(e)} holds for every parsed expression,
 * which the querier relies on for sharding and cache keys.
 */
public sealed interface Expr permits LogSelectorExpr, SampleExpr {
  @Override
  String toString();
}
