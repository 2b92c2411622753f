// LogQL (Loki 3.x) grammar for Skald. Written from the LogQL documentation and observed
// behaviour; see docs in io.skald.logql.syntax.AstBuilder for the semantic checks that
// the grammar deliberately leaves out (so the messages can match Loki's).
grammar LogQL;

// Loki lower-cases keywords before looking them up, so `SUM`, `Rate` and `JSON` are keywords too.
options { caseInsensitive = true; }

// A selector that cannot be parsed as a duration; SyntaxErrors reports it as Loki's lexer does.
tokens { INVALID_RANGE }

@parser::members {
    /** Marks the error raised by {@link #metricOperand}; SyntaxErrors prints no "expecting" list. */
    public static final String METRIC_OPERAND_EXPECTED = "metric operand expected";

    /** A log query (possibly parenthesised) where only a metric expression fits. */
    private void metricOperand(ExprContext e) {
        while (e instanceof ParenExprContext p) {
            e = p.expr();
        }
        if (e instanceof LogExprContext) {
            notifyErrorListeners(_input.LT(1), METRIC_OPERAND_EXPECTED, null);
        }
    }
}

// ---------------------------------------------------------------------------------------
// Parser
// ---------------------------------------------------------------------------------------

root
    : expr EOF
    ;

selector
    : LBRACE (matcher (COMMA matcher)*)? RBRACE
    ;

matcher
    : identifier op=(EQ | NEQ | RE | NRE) STRING
    ;

pipeline
    : pipelineStage+
    ;

pipelineStage
    : lineFilter                                                        # lineFilterStage
    | PIPE JSON (labelExtraction (COMMA labelExtraction)*)?             # jsonStage
    | PIPE LOGFMT FLAG* (labelExtraction (COMMA labelExtraction)*)?     # logfmtStage
    | PIPE REGEXP STRING                                                # regexpStage
    | PIPE PATTERN STRING                                               # patternStage
    | PIPE UNPACK                                                       # unpackStage
    | PIPE LINE_FORMAT STRING                                           # lineFormatStage
    | PIPE LABEL_FORMAT labelFormat (COMMA labelFormat)*                # labelFormatStage
    | PIPE DECOLORIZE                                                   # decolorizeStage
    | PIPE DROP namedMatcher (COMMA namedMatcher)*                      # dropStage
    | PIPE KEEP namedMatcher (COMMA namedMatcher)*                      # keepStage
    | PIPE labelFilter                                                  # labelFilterStage
    ;

lineFilter
    : op=(PIPE_EXACT | NEQ | PIPE_MATCH | NRE | PIPE_PATTERN | NPA) lineFilterOperand (OR lineFilterOperand)*
    ;

lineFilterOperand
    : STRING
    | IP LPAREN STRING RPAREN
    ;

labelExtraction
    : identifier (EQ STRING)?
    ;

labelFormat
    : identifier EQ (identifier | STRING)
    ;

namedMatcher
    : matcher
    | identifier
    ;

// `and` binds tighter than `or`. A comma or plain juxtaposition also means "and", but in
// Loki's yacc grammar it carries no precedence, so it groups to the right together with
// `or`: `a, b or c` is a and (b or c) while `a or b, c` is a or (b and c).
labelFilter
    : labelFilter AND labelFilter                                       # andLabelFilter
    | <assoc=right> labelFilter (OR | COMMA)? labelFilter               # orCommaLabelFilter
    | LPAREN labelFilter RPAREN                                         # parenLabelFilter
    | identifier op=(EQ | NEQ) IP LPAREN STRING RPAREN                  # ipLabelFilter
    | identifier op=(EQ | NEQ | RE | NRE) STRING                        # stringLabelFilter
    | identifier cmp=(GT | GTE | LT | LTE | NEQ | EQ | CMP_EQ) sign=SUB? NUMBER_UNIT          # unitLabelFilter
    | identifier cmp=(GT | GTE | LT | LTE | NEQ | EQ | CMP_EQ) sign=(ADD | SUB)? NUMBER       # numberLabelFilter
    ;

// A range may follow the selector or end the pipeline; `offset` always follows the range.
logRange
    : selector RANGE offset? pipeline? unwrap?                          # rangeAfterSelector
    | selector pipeline? unwrap? RANGE offset?                          # rangeAtEnd
    | LPAREN selector pipeline? unwrap? RPAREN RANGE offset?            # rangeAfterParens
    | LPAREN logRange RPAREN                                            # nestedRange
    ;

offset
    : OFFSET sign=SUB? NUMBER_UNIT
    ;

unwrap
    : PIPE UNWRAP (identifier | conv=(BYTES_FN | DURATION_FN | DURATION_SECONDS_FN) LPAREN identifier RPAREN) (PIPE labelFilter)*
    ;

// As in Loki's yacc grammar, a log query is an expression of its own and a binary operator
// takes any two expressions: `{a="b"} + 1` parses and fails in AstBuilder with Loki's
// "unexpected type for left leg" text. Where only a metric expression fits (the argument of a
// vector aggregation or label_replace), metricOperand reports a log query as Loki's parser
// does: a syntax error at the token after it.
expr
    : <assoc=right> expr op=POW binModifier expr                        # binOpExpr
    | expr op=(MUL | DIV | MOD) binModifier expr                        # binOpExpr
    | expr op=(ADD | SUB) binModifier expr                              # binOpExpr
    | expr op=(CMP_EQ | NEQ | GT | GTE | LT | LTE) binModifier expr     # binOpExpr
    | expr op=(AND | UNLESS) binModifier expr                           # binOpExpr
    | expr op=OR binModifier expr                                       # binOpExpr
    | rangeOp LPAREN (param=NUMBER COMMA)? logRange RPAREN grouping?    # rangeAggregationExpr
    | vectorOp before=grouping? LPAREN (param=NUMBER COMMA)? inner=expr { metricOperand($inner.ctx); } RPAREN after=grouping? # vectorAggregationExpr
    | LABEL_REPLACE LPAREN inner=expr { metricOperand($inner.ctx); } COMMA dst=STRING COMMA repl=STRING COMMA src=STRING COMMA regex=STRING RPAREN # labelReplaceExpr
    | VECTOR LPAREN NUMBER RPAREN                                       # vectorExpr
    | sign=(ADD | SUB)? NUMBER                                          # literalExpr
    | LPAREN expr RPAREN                                                # parenExpr
    | selector pipeline?                                                # logExpr
    ;

binModifier
    : BOOL? (matching=(ON | IGNORING) LPAREN onLabels=labelList? RPAREN (group=(GROUP_LEFT | GROUP_RIGHT) (LPAREN include=labelList? RPAREN)?)?)?
    ;

grouping
    : (BY | WITHOUT) LPAREN labelList? RPAREN
    ;

labelList
    : identifier (COMMA identifier)*
    ;

rangeOp
    : RATE | RATE_COUNTER | COUNT_OVER_TIME | BYTES_RATE | BYTES_OVER_TIME | ABSENT_OVER_TIME
    | SUM_OVER_TIME | AVG_OVER_TIME | MIN_OVER_TIME | MAX_OVER_TIME | STDVAR_OVER_TIME
    | STDDEV_OVER_TIME | QUANTILE_OVER_TIME | FIRST_OVER_TIME | LAST_OVER_TIME
    ;

vectorOp
    : SUM | AVG | MIN | MAX | COUNT | STDDEV | STDVAR | TOPK | BOTTOMK | SORT | SORT_DESC | APPROX_TOPK
    ;

// Loki treats function names as keywords only when a '(' (or by/without) follows, so they
// remain usable as label names; the reserved words (json, by, or, ...) do not.
identifier
    : IDENTIFIER
    | RATE | RATE_COUNTER | COUNT_OVER_TIME | BYTES_RATE | BYTES_OVER_TIME | ABSENT_OVER_TIME
    | SUM_OVER_TIME | AVG_OVER_TIME | MIN_OVER_TIME | MAX_OVER_TIME | STDVAR_OVER_TIME
    | STDDEV_OVER_TIME | QUANTILE_OVER_TIME | FIRST_OVER_TIME | LAST_OVER_TIME
    | SUM | AVG | MIN | MAX | COUNT | STDDEV | STDVAR | TOPK | BOTTOMK | SORT | SORT_DESC | APPROX_TOPK
    | VECTOR | LABEL_REPLACE | BYTES_FN | DURATION_FN | DURATION_SECONDS_FN | IP
    ;

// ---------------------------------------------------------------------------------------
// Lexer
// ---------------------------------------------------------------------------------------

COMMENT : '#' ~[\r\n]* -> skip ;
WS      : [ \t\r\n]+ -> skip ;

STRING
    : '"' ('\\' ~[\r\n] | ~["\\\r\n])* '"'
    | '`' ~'`'* '`'
    ;
// Matched only when the closing quote is missing (a complete STRING is always longer).
UNTERMINATED_STRING
    : '"' ('\\' ~[\r\n] | ~["\\\r\n])* '\\'?
    | '`' ~'`'*
    ;

RANGE              : '[' ~[\]]* ']' ;
UNTERMINATED_RANGE : '[' ~[\]]* ;

FLAG : '--strict' | '--keep-empty' ;

// Keywords that are always reserved.
BY          : 'by' ;
WITHOUT     : 'without' ;
BOOL        : 'bool' ;
ON          : 'on' ;
IGNORING    : 'ignoring' ;
GROUP_LEFT  : 'group_left' ;
GROUP_RIGHT : 'group_right' ;
OFFSET      : 'offset' ;
OR          : 'or' ;
AND         : 'and' ;
UNLESS      : 'unless' ;
JSON        : 'json' ;
LOGFMT      : 'logfmt' ;
REGEXP      : 'regexp' ;
PATTERN     : 'pattern' ;
UNPACK      : 'unpack' ;
LINE_FORMAT : 'line_format' ;
LABEL_FORMAT: 'label_format' ;
DECOLORIZE  : 'decolorize' ;
DROP        : 'drop' ;
KEEP        : 'keep' ;
UNWRAP      : 'unwrap' ;

// Function names (also valid label names, see `identifier`).
RATE               : 'rate' ;
RATE_COUNTER       : 'rate_counter' ;
COUNT_OVER_TIME    : 'count_over_time' ;
BYTES_RATE         : 'bytes_rate' ;
BYTES_OVER_TIME    : 'bytes_over_time' ;
ABSENT_OVER_TIME   : 'absent_over_time' ;
SUM_OVER_TIME      : 'sum_over_time' ;
AVG_OVER_TIME      : 'avg_over_time' ;
MIN_OVER_TIME      : 'min_over_time' ;
MAX_OVER_TIME      : 'max_over_time' ;
STDVAR_OVER_TIME   : 'stdvar_over_time' ;
STDDEV_OVER_TIME   : 'stddev_over_time' ;
QUANTILE_OVER_TIME : 'quantile_over_time' ;
FIRST_OVER_TIME    : 'first_over_time' ;
LAST_OVER_TIME     : 'last_over_time' ;
SUM                : 'sum' ;
AVG                : 'avg' ;
MIN                : 'min' ;
MAX                : 'max' ;
COUNT              : 'count' ;
STDDEV             : 'stddev' ;
STDVAR             : 'stdvar' ;
TOPK               : 'topk' ;
BOTTOMK            : 'bottomk' ;
SORT               : 'sort' ;
SORT_DESC          : 'sort_desc' ;
APPROX_TOPK        : 'approx_topk' ;
VECTOR             : 'vector' ;
LABEL_REPLACE      : 'label_replace' ;
BYTES_FN           : 'bytes' ;
DURATION_FN        : 'duration' ;
DURATION_SECONDS_FN: 'duration_seconds' ;
IP                 : 'ip' ;

// A number is listed before NUMBER_UNIT so that `1e3` stays a number on a tie.
NUMBER
    : DIGITS ('.' DIGITS?)? EXPONENT?
    | '.' DIGITS EXPONENT?
    ;
// A duration (5m, 1h30m, 1.5s) or a byte size (42MB, 1.5KiB); the parser tells them apart.
NUMBER_UNIT : DIGITS ('.' DIGITS)? [a-zµ] [a-z0-9.µ]* ;

IDENTIFIER : [a-z_] [a-z0-9_]* ;

PIPE_EXACT   : '|=' ;
PIPE_MATCH   : '|~' ;
PIPE_PATTERN : '|>' ;
NPA          : '!>' ;
NRE          : '!~' ;
NEQ          : '!=' ;
RE           : '=~' ;
CMP_EQ       : '==' ;
EQ           : '=' ;
PIPE         : '|' ;
GTE          : '>=' ;
GT           : '>' ;
LTE          : '<=' ;
LT           : '<' ;
ADD          : '+' ;
SUB          : '-' ;
MUL          : '*' ;
DIV          : '/' ;
MOD          : '%' ;
POW          : '^' ;
COMMA        : ',' ;
LBRACE       : '{' ;
RBRACE       : '}' ;
LPAREN       : '(' ;
RPAREN       : ')' ;

// Anything else reaches the parser, which reports it as an unexpected token.
ERROR_CHAR : . ;

fragment DIGITS   : [0-9]+ ;
fragment EXPONENT : 'e' [+-]? DIGITS ;
