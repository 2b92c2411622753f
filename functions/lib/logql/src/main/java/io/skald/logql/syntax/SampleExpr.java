package io.skald.logql.syntax;

/** A metric query: an expression that yields samples. */
public sealed interface SampleExpr extends Expr
    permits RangeAggregationExpr,
        VectorAggregationExpr,
        BinOpExpr,
        LiteralExpr,
        VectorExpr,
        LabelReplaceExpr {}
