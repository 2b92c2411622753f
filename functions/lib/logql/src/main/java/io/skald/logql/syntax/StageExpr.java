package io.skald.logql.syntax;

/**
 * One pipeline stage as written in the query. Syntax only: the runtime stage is built by {@code
 * io.skald.logql.log.StageCompiler}, so the parser never creates runtime objects.
 */
public sealed interface StageExpr
    permits LineFilterExpr,
        JsonParserExpr,
        LogfmtParserExpr,
        RegexpParserExpr,
        PatternParserExpr,
        UnpackParserExpr,
        LabelFilterExpr,
        LineFormatExpr,
        LabelFormatExpr,
        DecolorizeExpr,
        DropLabelsExpr,
        KeepLabelsExpr {
  @Override
  String toString();
}
