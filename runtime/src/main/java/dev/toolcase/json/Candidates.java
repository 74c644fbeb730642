package dev.toolcase.json;

import dev.toolcase.ParseException;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * The JSON values found in a model's output, with the repairs the text needed.
 *
 * <p>TODO(issue 3): the lenient reader replaces this strict version: fenced blocks, prose,
 * comments, trailing commas and the other repairs.
 *
 * @param values the candidate values, in the order they appear
 * @param repairs repairs applied to the text
 * @param failure why no value was found, when {@code values} is empty
 */
record Candidates(List<JsonNode> values, List<String> repairs, String failure) {

  Candidates {
    values = List.copyOf(values);
    repairs = List.copyOf(repairs);
  }

  /** The candidates in {@code text}. */
  static Candidates in(String text) {
    try {
      return new Candidates(List.of(Json.readTree(text)), List.of(), "");
    } catch (ParseException e) {
      return new Candidates(List.of(), List.of(), e.getMessage());
    }
  }
}
