package io.skald.logql.log.template;

import java.util.List;

/**
 * A template function with Go parameter types, so that arguments are checked and converted the way
 * Go's reflection-based call does ({@code wrong number of args for now: want 0 got 1}, {@code wrong
 * type for value; expected int; got string}).
 *
 * @param variadic the element type of a trailing {@code ...T} parameter, or null
 */
record Func(String name, List<Type> params, Type variadic, Impl impl) {
  /** Go parameter types that matter for conversion. */
  enum Type {
    STRING("string"),
    INT("int"),
    FLOAT("float64"),
    BOOL("bool"),
    ANY("interface {}"),
    TIME("time.Time");

    final String goName;

    Type(String goName) {
      this.goName = goName;
    }
  }

  @FunctionalInterface
  interface Impl {
    /**
     * @throws Exception a failure Go reports as {@code error calling <name>: <message>}
     */
    Object call(Execution ctx, List<Object> args) throws Exception;
  }

  static Func of(String name, Impl impl, Type... params) {
    return new Func(name, List.of(params), null, impl);
  }

  static Func variadic(String name, Impl impl, Type variadic, Type... params) {
    return new Func(name, List.of(params), variadic, impl);
  }

  /** The per-execution state a function may read ({@code __line__}, {@code __timestamp__}). */
  interface Execution {
    String line();

    long timestampNanos();
  }
}
