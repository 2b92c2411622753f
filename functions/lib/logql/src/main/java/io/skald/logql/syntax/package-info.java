/**
 * LogQL syntax: the ANTLR grammar ({@code src/main/antlr4/.../LogQL.g4}), the parser facade {@link
 * io.skald.logql.syntax.LogQL} and the immutable AST under the sealed {@link
 * io.skald.logql.syntax.Expr} hierarchy. No runtime types live here: stages are compiled by {@code
 * io.skald.logql.log}. Every node's {@code toString()} is canonical LogQL that parses back to an
 * equal node.
 */
package io.skald.logql.syntax;
