package io.skald.logql.log.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Go text/template semantics (expected outputs as Go 1.22 prints them). */
class TemplateTest {
  private static final Map<String, String> LABELS =
      Map.of(
          "a",
          "1",
          "b",
          "two",
          "empty",
          "",
          "n",
          "42",
          "json",
          "{\"k\":\"v\",\"list\":[1,2.5,\"x\"],\"nested\":{\"x\":true}}",
          "f",
          "2.5");

  static String render(String text) {
    return Template.parse("line", text).execute(LABELS::get, () -> "the line", 1_000_000_000L);
  }

  static Stream<Arguments> outputs() {
    return Stream.of(
        Arguments.of("plain text", "plain text"),
        Arguments.of("{{.a}}-{{ .b }}", "1-two"),
        Arguments.of("{{.missing}}|", "|"),
        Arguments.of("a  {{- .a -}}  b", "a1b"),
        Arguments.of("a\n{{- /* comment */ -}}\nb", "ab"),
        Arguments.of("{{/* c */}}x", "x"),
        Arguments.of("{{-3}}", "-3"),
        Arguments.of("{{if .a}}yes{{else}}no{{end}}", "yes"),
        Arguments.of("{{if .empty}}yes{{else}}no{{end}}", "no"),
        Arguments.of("{{if .empty}}1{{else if .missing}}2{{else if .b}}3{{else}}4{{end}}", "3"),
        Arguments.of("{{with .b}}[{{.}}]{{else}}none{{end}}", "[two]"),
        Arguments.of("{{with .empty}}[{{.}}]{{else}}none{{end}}", "none"),
        Arguments.of("{{$x := .a}}{{$x}}{{$x = \"z\"}}{{$x}}", "1z"),
        Arguments.of("{{with $y := .b}}{{$y}}{{.}}{{end}}", "twotwo"),
        Arguments.of("{{ $.a }}", "1"),
        Arguments.of(
            "{{and .a .b}} {{and .empty .b}} {{or .empty .b}} {{or .empty .missing}}|",
            "two  two |"),
        Arguments.of("{{not .a}} {{not .empty}}", "false true"),
        Arguments.of("{{eq .a \"1\"}} {{eq .a \"2\" \"1\"}} {{ne .b \"two\"}}", "true true false"),
        Arguments.of(
            "{{lt .a .b}} {{le 1 1}} {{gt 2.5 1.5}} {{ge \"b\" \"a\"}}", "true true true true"),
        Arguments.of("{{if eq .n \"42\"}}answer{{end}}", "answer"),
        Arguments.of("{{len .b}} {{len \"héllo\"}}", "3 6"),
        Arguments.of("{{print 1 2 \"a\" \"b\" 3}}", "1 2ab3"),
        Arguments.of("{{println \"x\" 1}}", "x 1\n"),
        Arguments.of("{{printf \"%s=%d %v %q\" .b 42 .a .b}}", "two=42 1 \"two\""),
        Arguments.of(
            "{{printf \"%.2f|%5.1f|%-4d|%04d|%x|%X|%o|%b|%c|%t\" 3.14159 2.0 7 42 255 255 8 5 65 true}}",
            "3.14|  2.0|7   |0042|ff|FF|10|101|A|true"),
        Arguments.of(
            "{{printf \"%e %g %g %g\" 1234.5678 0.00001 100000.0 1e21}}",
            "1.234568e+03 1e-05 100000 1e+21"),
        Arguments.of("{{printf \"%d %s\" .a 5}}", "%!d(string=1) %!s(int=5)"),
        Arguments.of("{{printf \"%d\"}} {{printf \"%d\" 1 2}}", "%!d(MISSING) 1%!(EXTRA int=2)"),
        Arguments.of("{{printf \"%5s|%-5s|%.1s\" \"ab\" \"ab\" \"xyz\"}}", "   ab|ab   |x"),
        Arguments.of("{{printf \"%v %v %v\" 1.0 2.5 3e6}}", "1 2.5 3e+06"),
        Arguments.of("{{printf \"%T %T %T %T\" 1 1.5 \"s\" true}}", "int float64 string bool"),
        Arguments.of(
            "{{ 0x1F }} {{ 1e3 }} {{ 'a' }} {{ 1_000 }} {{ 2.50 }}", "31 1000 97 1000 2.5"),
        Arguments.of("{{ \"tab\\there\" }} {{ `raw\\n` }}", "tab\there raw\\n"),
        Arguments.of("{{ (.b) }} {{ (print .a .b) | upper }}", "two 1TWO"),
        Arguments.of("{{ index .b 0 }}", "116"),
        Arguments.of(
            "{{ $j := fromJson .json }}{{ $j.k }} {{ $j.nested.x }} {{ index $j.list 1 }} {{ len $j.list }}",
            "v true 2.5 3"),
        Arguments.of("{{ (fromJson .json).k }}", "v"),
        Arguments.of("{{ (fromJson .json).nope }}", "<no value>"),
        Arguments.of("{{ fromJson .json }}", "map[k:v list:[1 2.5 x] nested:map[x:true]]"),
        Arguments.of(
            "{{ range $i, $e := (fromJson .json).list }}{{$i}}={{$e}};{{ end }}", "0=1;1=2.5;2=x;"),
        Arguments.of("{{ range (fromJson .json).list }}{{.}},{{ end }}", "1,2.5,x,"),
        Arguments.of("{{ range $k, $v := fromJson .json }}{{$k}} {{ end }}", "k list nested "),
        Arguments.of("{{ range fromJson \"[]\" }}x{{ else }}empty{{ end }}", "empty"),
        Arguments.of(
            "{{ range $i, $e := fromJson \"[1,2,3,4]\" }}{{if eq $i 1}}{{continue}}{{end}}"
                + "{{if eq $i 3}}{{break}}{{end}}{{$e}}{{ end }}",
            "13"),
        Arguments.of("{{ range 3 }}{{.}}{{ end }}", "012"),
        Arguments.of(
            "{{ __line__ }} {{ __timestamp__.Unix }} {{ __timestamp__ }}",
            "the line 1 1970-01-01 00:00:01 +0000 UTC"),
        Arguments.of(
            "{{ __timestamp__.Format \"15:04:05.000 Jan 2 2006\" }}", "00:00:01.000 Jan 1 1970"),
        Arguments.of(
            "{{ html \"<a href='x'>&</a>\" }} {{ urlquery \"a b&c\" }} {{ js \"it's\" }}",
            "&lt;a href=&#39;x&#39;&gt;&amp;&lt;/a&gt; a+b%26c it\\'s"),
        Arguments.of(
            "{{ .f | float64 | mulf 2 }} {{ int .f }} {{ add .a .n }} {{ add1 }}"
                .replace(" {{ add1 }}", ""),
            "5 2 43"),
        Arguments.of(
            "{{ default \"d\" .missing }} {{ default \"d\" .a }} {{ .empty | default 7 }}",
            "d 1 7"),
        Arguments.of(
            "{{ max 1 \"5\" 3 }} {{ minf 1.5 \"0.5\" }} {{ round 2.345 2 }} {{ round 2.344 2 }}",
            "5 0.5 2.35 2.34"),
        Arguments.of(
            "{{ addf 0.1 0.2 }} {{ divf 1 3 }} {{ subf 1 0.9 }}", "0.3 0.3333333333333333 0.1"),
        Arguments.of(
            "{{ trunc -3 \"hello\" }} {{ substr 1 -1 \"hello\" }} {{ substr -1 2 \"hello\" }}",
            "llo ello he"),
        Arguments.of(
            "{{ title \"hello wide-world\" }} {{ TrimSpace \"  x \" }} {{ Trim \"xxhixx\" \"x\" }}",
            "Hello Wide-World x hi"),
        Arguments.of(
            "{{ TrimLeft \"xxhixx\" \"x\" }} {{ TrimRight \"xxhixx\" \"x\" }} {{ TrimPrefix \"abc\" \"a\" }}",
            "hixx xxhi bc"),
        Arguments.of(
            "{{ Replace \"aaa\" \"a\" \"b\" 2 }} {{ Replace \"ab\" \"\" \"-\" -1 }}", "bba -a-b-"),
        Arguments.of(
            "{{ regexReplaceAll \"a(x*)b\" \"-ab-axxb-\" \"${1}W\" }} {{ regexReplaceAll \"a(x*)b\" "
                + "\"-ab-axxb-\" \"$1W\" }}",
            "-W-xxW- ---"),
        Arguments.of(
            "{{ regexReplaceAll \"(?P<word>\\\\w+)\" \"hi you\" \"<$word>\" }}", "<hi> <you>"),
        Arguments.of(
            "{{ regexReplaceAll \"a*\" \"baaac\" \"-\" }} {{ count \"a*\" \"baaac\" }}", "-b-c- 3"),
        Arguments.of(
            "{{ alignLeft 8 \"Hello, 世界\" }}|{{ alignRight 2 \"Hello, 世界\" }}|{{ alignLeft 12 \"ab\" }}|",
            "Hello, 世|世界|ab          |"),
        Arguments.of(
            "{{ urldecode \"a%20b+c\" }} {{ b64dec \"!!\" }}",
            "a b c illegal base64 data at input byte 0"),
        Arguments.of(
            "{{ date \"2006-01-02 15:04:05 MST Mon January 3PM\" (toDate \"2006-01-02T15:04:05Z07:00\" "
                + "\"2021-11-02T13:04:05+01:00\") }}",
            "2021-11-02 12:04:05 UTC Tue November 12PM"),
        Arguments.of(
            "{{ toDateInZone \"2006-01-02 15:04\" \"Europe/Paris\" \"2023-07-01 10:00\" | unixEpoch }}",
            "1688198400"),
        Arguments.of(
            "{{ toDateInZone \"2006-01-02 15:04\" \"Europe/Paris\" \"2023-07-01 10:00\" }}",
            "2023-07-01 10:00:00 +0200 CEST"),
        Arguments.of("{{ toDate \"2006-01-02\" \"garbage\" }}", "0001-01-01 00:00:00 +0000 UTC"),
        Arguments.of(
            "{{ toDate \"02/01/06 3:04pm\" \"25/12/21 7:30pm\" | unixEpoch }}", "1640460600"),
        Arguments.of(
            "{{ toDate \"2006-01-02 15:04:05\" \"2021-11-02 13:04:05.123456\" | unixEpochNanos }}",
            "1635858245123456000"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("outputs")
  void renders(String template, String expected) {
    assertThat(render(template)).isEqualTo(expected);
  }

  static Stream<Arguments> executionErrors() {
    return Stream.of(
        Arguments.of(
            "{{.a Replace \"x\"}}",
            "template: line:1:2: executing \"line\" at <.a>: "
                + "a is not a method but has arguments"),
        Arguments.of(
            "{{.a | now}}",
            "template: line:1:7: executing \"line\" at <now>: "
                + "wrong number of args for now: want 0 got 1"),
        Arguments.of(
            "{{ trunc .n .b }}",
            "template: line:1:9: executing \"line\" at <.n>: "
                + "wrong type for value; expected int; got string"),
        Arguments.of(
            "{{ repeat \"3\" .b }}",
            "template: line:1:10: executing \"line\" at <\"3\">: "
                + "expected integer; found \"3\""),
        Arguments.of(
            "{{ upper 3 }}",
            "template: line:1:9: executing \"line\" at <3>: expected string; found 3"),
        Arguments.of(
            "{{ div .a 0 }}",
            "template: line:1:3: executing \"line\" at <div .a 0>: "
                + "error calling div: runtime error: integer divide by zero"),
        Arguments.of(
            "{{ eq .a 1 }}",
            "template: line:1:3: executing \"line\" at <eq .a 1>: "
                + "error calling eq: incompatible types for comparison"),
        Arguments.of(
            "x\n  {{ lt true false }}",
            "template: line:2:5: executing \"line\" at <lt true false>: "
                + "error calling lt: invalid type for comparison"),
        Arguments.of(
            "{{ .a.b }}",
            "template: line:1:3: executing \"line\" at <.a.b>: "
                + "can't evaluate field b in type string"),
        Arguments.of(
            "{{ nil }}", "template: line:1:3: executing \"line\" at <nil>: nil is not a command"),
        Arguments.of(
            "{{ \"x\" 1 }}",
            "template: line:1:3: executing \"line\" at <\"x\">: "
                + "can't give argument to non-function \"x\""),
        Arguments.of(
            "{{ urldecode \"%zz\" }}",
            "template: line:1:3: executing \"line\" at <urldecode \"%zz\">: "
                + "error calling urldecode: invalid URL escape \"%zz\""),
        Arguments.of(
            "{{ regexReplaceAll \"(\" .a \"x\" }}",
            "template: line:1:3: executing \"line\" at <regexReplaceAll \"(\" .a \"x\">: "
                + "error calling regexReplaceAll: error parsing regexp: missing closing ): `(`"),
        Arguments.of(
            "{{ unixToTime \"464\" }}",
            "template: line:1:3: executing \"line\" at <unixToTime \"464\">: "
                + "error calling unixToTime: unable to parse time '464': %!w(<nil>)"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("executionErrors")
  void executionErrorsUseGoMessages(String template, String message) {
    assertThatThrownBy(() -> render(template))
        .isInstanceOf(TemplateException.class)
        .hasMessage(message);
  }

  static Stream<Arguments> parseErrors() {
    return Stream.of(
        Arguments.of("{{ nope }}", "template: line:1: function \"nope\" not defined"),
        Arguments.of("{{ if .a }}", "template: line:1: unexpected EOF"),
        Arguments.of("{{ end }}", "template: line:1: unexpected end"),
        Arguments.of("{{ $x }}", "template: line:1: undefined variable \"$x\""),
        Arguments.of("{{ .a", "template: line:1: unclosed action"),
        Arguments.of("{{ }}", "template: line:1: missing value for command"),
        Arguments.of(
            "{{ .a | \"x\" }}", "template: line:1: non executable command in pipeline stage 2"),
        Arguments.of("x\n{{ break }}", "template: line:2: {{break}} outside {{range}}"),
        Arguments.of(
            "{{ define \"x\" }}{{ end }}",
            "template: line:1: {{define}} is not supported in LogQL templates"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("parseErrors")
  void parseErrorsUseGoMessages(String template, String message) {
    assertThatThrownBy(() -> Template.parse("line", template))
        .isInstanceOf(TemplateException.class)
        .hasMessage(message);
  }
}
