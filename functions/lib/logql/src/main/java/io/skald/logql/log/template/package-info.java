/**
 * Go's text/template for LogQL's {@code line_format} and {@code label_format}: a lexer and parser
 * shaped like {@code text/template/parse}, an executor with Go's argument conversion and error
 * texts, Go's fmt and time layouts, and Loki's function set (Go builtins, Loki's own functions, the
 * Sprig subset). Entry point: {@link io.skald.logql.log.template.Template}.
 */
package io.skald.logql.log.template;
