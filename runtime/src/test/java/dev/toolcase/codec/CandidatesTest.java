package dev.toolcase.codec;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The lenient reader on its own: what it finds in a text, the repairs it names, and its errors. */
class CandidatesTest {

  static Stream<Arguments> repaired() {
    return Stream.of(
        Arguments.of("{\"a\": 1}", "{\"a\":1}", List.of()),
        Arguments.of("\"plain text\"", "\"plain text\"", List.of()),
        Arguments.of("```json\n{\"a\": 1}\n```", "{\"a\":1}",
            List.of("read the JSON inside a markdown fence")),
        Arguments.of("Answer: {\"a\": 1}.", "{\"a\":1}",
            List.of("ignored the text around the JSON")),
        Arguments.of("<think>{\"a\": 2}</think>{\"a\": 1}", "{\"a\":1}",
            List.of("ignored a <think> block")),
        Arguments.of("<THINKING>\n{\"a\": 2}\n</THINKING>\n{\"a\": 1}", "{\"a\":1}",
            List.of("ignored a <think> block")),
        Arguments.of("{\"a\": 1,}", "{\"a\":1}", List.of("removed a trailing comma")),
        Arguments.of("[1, 2,]", "[1,2]", List.of("removed a trailing comma")),
        Arguments.of("[1,, 2]", "[1,2]", List.of("removed a stray comma")),
        Arguments.of("{'a': 'it's'}", "{\"a\":\"it's\"}",
            List.of("read single quotes as double quotes",
                "kept an unescaped quote inside a string")),
        Arguments.of("{\u201ca\u201d: \u201cb\u201d}", "{\"a\":\"b\"}",
            List.of("read typographic quotes as double quotes")),
        Arguments.of("{a_b: 1}", "{\"a_b\":1}", List.of("quoted an unquoted key")),
        Arguments.of("{\"a\": some words}", "{\"a\":\"some words\"}",
            List.of("read an unquoted value as text")),
        Arguments.of("{\"a\": http://x.y/z}", "{\"a\":\"http://x.y/z\"}",
            List.of("read an unquoted value as text")),
        Arguments.of("{\"a\": 4 // four\n}", "{\"a\":4}", List.of("removed a comment")),
        Arguments.of("{\"a\": /* x */ 4}", "{\"a\":4}", List.of("removed a comment")),
        Arguments.of("{\n# x\n\"a\": 4}", "{\"a\":4}", List.of("removed a comment")),
        Arguments.of("{\"a\": True, \"b\": None}", "{\"a\":true,\"b\":null}",
            List.of("read True as true", "read None as null")),
        Arguments.of("{\"a\": 1\n\"b\": 2}", "{\"a\":1,\"b\":2}",
            List.of("inserted a missing comma between members on separate lines")),
        Arguments.of("[1\n2]", "[1,2]",
            List.of("inserted a missing comma between elements on separate lines")),
        Arguments.of("{\"a\": \"x\ny\"}", "{\"a\":\"x\\ny\"}",
            List.of("kept a raw line break inside a string")),
        Arguments.of("{\"a\": \"say \"hi\" now\"}", "{\"a\":\"say \\\"hi\\\" now\"}",
            List.of("kept an unescaped quote inside a string")),
        Arguments.of("{\"a\": \"x\", \"b\": {\"c\": 1}", "{\"a\":\"x\",\"b\":{\"c\":1}}",
            List.of("closed the brackets of output that stopped after a complete value")),
        Arguments.of("{\"a\": [1, 2]", "{\"a\":[1,2]}",
            List.of("closed the brackets of output that stopped after a complete value")),
        Arguments.of("\"{\\\"a\\\": 1}\"", "{\"a\":1}",
            List.of("read the value inside a JSON string")),
        Arguments.of("The call is \"{\\\"a\\\": 1}\".", "{\"a\":1}",
            List.of("read the value inside a JSON string")),
        Arguments.of("{\"a\": +5, \"b\": 1e3, \"c\": 12345678901}",
            "{\"a\":5,\"b\":1e3,\"c\":12345678901}", List.of()),
        Arguments.of("{\"a\": \"\\u00e9\\t\"}", "{\"a\":\"\u00e9\\t\"}", List.of()),
        Arguments.of("['a', -1, true]", "[\"a\",-1,true]", List.of("read single quotes as double quotes")),
        Arguments.of("```json\n{\"a\": \"x ``` y\"}\n```", "{\"a\":\"x ``` y\"}",
            List.of("read the JSON inside a markdown fence")),
        Arguments.of("{'a': 'C:\\Users'}", "{\"a\":\"C:\\\\Users\"}",
            List.of("read single quotes as double quotes",
                "kept a backslash that starts no JSON escape, as written")),
        Arguments.of("{\"a\": 1, \"a\": 2}", "{\"a\":1,\"a\":2}", List.of()));
  }

  @ParameterizedTest
  @MethodSource("repaired")
  void findsTheValueAndNamesTheRepairs(String text, String json, List<String> repairs) {
    Candidates candidates = Candidates.in(text);

    assertThat(candidates.values()).as(candidates.failure()).hasSize(1);
    Candidates.Candidate candidate = candidates.values().getFirst();
    assertThat(candidate.value().toJson()).isEqualTo(json);
    assertThat(candidate.repairs()).containsExactlyElementsOf(repairs);
  }

  static Stream<Arguments> refused() {
    return Stream.of(
        Arguments.of("", "expected a JSON value in the output, got no text"),
        Arguments.of("no json here", "expected a JSON value in the output, found none"),
        Arguments.of("<think>{\"a\": 1}", "the <think> block is never closed"),
        Arguments.of("{\"a\": \"cut", "the output was cut off inside a string (from line 1,"
            + " column 7); nothing was run: send the complete JSON value again"),
        Arguments.of("{\"a\": 12", "the output was cut off inside a value (from line 1, column 7)"),
        Arguments.of("{\"a\": [1, 2", "the output was cut off inside a value (from line 1,"
            + " column 11)"),
        Arguments.of("{\"a\": [1, 2,", "the output was cut off inside an array (from line 1,"
            + " column 7)"),
        Arguments.of("{\"a\":", "the output was cut off after the key \"a\""),
        Arguments.of("{\"a\": 1,", "the output was cut off inside an object"),
        Arguments.of("{\"a\" 1}", "invalid JSON at line 1, column 6: expected ':' after the key"
            + " \"a\""),
        Arguments.of("{\"a\": 1 \"b\": 2}", "invalid JSON at line 1, column 9: expected ',' or '}'"
            + " after a member of the object"),
        Arguments.of("[".repeat(300), "JSON nested deeper than 200 levels"),
        Arguments.of("{}".repeat(101), "found more than 100 JSON values"));
  }

  @ParameterizedTest
  @MethodSource("refused")
  void refusesWithAMessageForTheModel(String text, String message) {
    Candidates candidates = Candidates.in(text);

    assertThat(candidates.values()).isEmpty();
    assertThat(candidates.failure()).contains(message);
  }

  @ParameterizedTest
  @MethodSource("severalValues")
  void findsEveryValueInOrder(String text, List<String> values) {
    assertThat(Candidates.in(text).values())
        .extracting(candidate -> candidate.value().toJson())
        .containsExactlyElementsOf(values);
  }

  static Stream<Arguments> severalValues() {
    return Stream.of(
        Arguments.of("A: {\"a\": 1} B: {\"a\": 2}", List.of("{\"a\":1}", "{\"a\":2}")),
        Arguments.of("see [1] and\n```\n{\"a\": 1}\n```\nthen {\"a\": 1}",
            List.of("[1]", "{\"a\":1}", "{\"a\":1}")),
        Arguments.of("Option {a} is wrong; {\"a\": 3}", List.of("{\"a\":3}")),
        Arguments.of("```json\n{\"a\": 1}", List.of("{\"a\":1}")),
        Arguments.of("inline ```{\"a\": 1}``` fence", List.of("{\"a\":1}")));
  }
}
