package dev.toolcase.json;

import dev.toolcase.ParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * The JSON values found in a model's output: the lenient reader's search through the text.
 *
 * <p>Text is clean JSON most of the time, so that is tried first with the strict parser. Otherwise
 * {@code <think>} and {@code <thinking>} blocks are dropped, markdown fences split the text into
 * segments (the closing fence may be missing), and each segment is searched for objects and
 * arrays, read with {@link LenientJson}, and for JSON string literals that hold one. Every value
 * found is a candidate; the caller decides which of them convert to the expected type.
 *
 * @param values the candidate values, in the order they appear
 * @param failure why no value was found when {@code values} is empty, else empty
 */
record Candidates(List<Candidate> values, String failure) {

  /** At most this many values are read from one output. */
  static final int MAX_VALUES = 100;

  Candidates {
    values = List.copyOf(values);
  }

  /**
   * One value found in the text.
   *
   * @param value the value
   * @param length how many characters of the text it spans, to rank candidates that fail
   * @param repairs the repairs the text needed, for this value
   */
  record Candidate(JsonNode value, int length, List<String> repairs) {
    Candidate {
      repairs = List.copyOf(repairs);
    }
  }

  /** The candidates in {@code text}. */
  static Candidates in(String text) {
    String trimmed = text.strip();
    if (trimmed.isEmpty()) {
      return none("expected a JSON value in the output, got no text");
    }
    JsonNode strict = strict(trimmed);
    if (strict != null) {
      if (strict.isString() && startsContainer(strict.stringValue())) {
        return new Search(strict.stringValue(), "read the value inside a JSON string").run();
      }
      return new Candidates(List.of(new Candidate(strict, trimmed.length(), List.of())), "");
    }
    return new Search(text, null).run();
  }

  private static Candidates none(String failure) {
    return new Candidates(List.of(), failure);
  }

  /** The text as strict JSON, or null when it is not. */
  private static JsonNode strict(String trimmed) {
    char first = trimmed.charAt(0);
    char last = trimmed.charAt(trimmed.length() - 1);
    boolean plausible = (first == '{' && last == '}') || (first == '[' && last == ']')
        || (first == '"' && last == '"');
    if (!plausible) {
      return null;
    }
    try {
      return Json.readTree(trimmed);
    } catch (ParseException e) {
      return null;
    }
  }

  private static boolean startsContainer(String text) {
    String s = text.strip();
    return !s.isEmpty() && (s.charAt(0) == '{' || s.charAt(0) == '[');
  }

  /** One search through one text; not reused. */
  private static final class Search {

    private final String original;
    private final String outerRepair;
    private final List<Candidate> found = new ArrayList<>();
    private final List<int[]> segments = new ArrayList<>();
    private final String text;
    private final int firstContent;
    private final int lastContent;
    private boolean thinkUnclosed;
    private boolean thinkSeen;
    private LenientJson.Failure longestFailure;
    private int longestFailureLength = -1;
    private LenientJson.Failure finalCutOff;
    /** Why the whole output is refused, whatever else it holds. */
    private String refusal;

    /**
     * A search of {@code output}; {@code outerRepair} names how the text was found, or is null for
     * the output itself.
     */
    Search(String output, String outerRepair) {
      this.original = output;
      this.outerRepair = outerRepair;
      char[] chars = output.toCharArray();
      blankThinking(output, chars);
      splitAtFences(thinkSeen ? new String(chars) : output, chars);
      this.text = new String(chars);
      int first = 0;
      while (first < chars.length && Character.isWhitespace(chars[first])) {
        first++;
      }
      int last = chars.length - 1;
      while (last >= 0 && Character.isWhitespace(chars[last])) {
        last--;
      }
      this.firstContent = first;
      this.lastContent = last;
    }

    Candidates run() {
      for (int[] segment : segments) {
        scan(segment[0], segment[1], segment[2] == 1);
        if (refusal != null) {
          return none(refusal);
        }
      }
      if (finalCutOff != null) {
        return none(finalCutOff.describe(original));
      }
      if (!found.isEmpty()) {
        return new Candidates(found, "");
      }
      if (longestFailure != null) {
        return none(longestFailure.describe(original));
      }
      if (thinkUnclosed) {
        return none("expected a JSON value after the reasoning, but the <think> block is never"
            + " closed, so the output holds no answer");
      }
      return none("expected a JSON value in the output, found none");
    }

    /**
     * Blanks {@code <think>} and {@code <thinking>} blocks, keeping line breaks so that positions
     * stay those of the output. A block that is never closed runs to the end.
     */
    private void blankThinking(String output, char[] chars) {
      int open = indexOfIgnoreCase(output, "<think", 0);
      while (open >= 0) {
        int nameEnd = open + "<think".length();
        if (output.regionMatches(true, nameEnd, "ing", 0, 3)) {
          nameEnd += 3;
        }
        if (nameEnd >= output.length() || output.charAt(nameEnd) != '>') {
          open = indexOfIgnoreCase(output, "<think", nameEnd);
          continue;
        }
        thinkSeen = true;
        String closeTag = "</" + output.substring(open + 1, nameEnd) + ">";
        int close = indexOfIgnoreCase(output, closeTag, nameEnd);
        int blankEnd = close < 0 ? chars.length : close + closeTag.length();
        thinkUnclosed |= close < 0;
        blank(chars, open, blankEnd);
        open = close < 0 ? -1 : indexOfIgnoreCase(output, "<think", blankEnd);
      }
    }

    private static void blank(char[] chars, int from, int to) {
      for (int i = from; i < to; i++) {
        if (chars[i] != '\n') {
          chars[i] = ' ';
        }
      }
    }

    /**
     * Splits the text at markdown fences into {@code {start, end, fenced}} segments, in order, and
     * blanks the fences. A fence opens at the start of a line with three backticks and an optional
     * language tag, and closes at the next three backticks or the end of the text.
     */
    private void splitAtFences(String visible, char[] chars) {
      int from = 0;
      int fence = fenceAtLineStart(visible, 0);
      while (fence >= 0) {
        segments.add(new int[] {from, fence, 0});
        int content = fence + 3;
        while (content < chars.length && isTagChar(chars[content])) {
          content++;
        }
        int close = visible.indexOf("```", content);
        int contentEnd = close < 0 ? chars.length : close;
        blank(chars, fence, content);
        segments.add(new int[] {content, contentEnd, 1});
        if (close >= 0) {
          blank(chars, close, close + 3);
        }
        from = close < 0 ? chars.length : close + 3;
        fence = close < 0 ? -1 : fenceAtLineStart(visible, from);
      }
      segments.add(new int[] {from, chars.length, 0});
    }

    /** The next fence at the start of a line: only spaces before it on the line. */
    private static int fenceAtLineStart(String output, int from) {
      int at = output.indexOf("```", from);
      while (at >= 0) {
        int i = at - 1;
        while (i >= 0 && (output.charAt(i) == ' ' || output.charAt(i) == '\t')) {
          i--;
        }
        if (i < 0 || output.charAt(i) == '\n') {
          return at;
        }
        at = output.indexOf("```", at + 3);
      }
      return -1;
    }

    private static boolean isTagChar(char c) {
      return Character.isLetterOrDigit(c) || c == '-' || c == '_' || c == '+' || c == '.';
    }

    private void scan(int from, int to, boolean fenced) {
      int i = from;
      while (i < to) {
        char c = text.charAt(i);
        if (c == '{' || c == '[') {
          i = readAt(i, to, fenced);
          if (refusal != null) {
            return;
          }
        } else if (c == '"' && containerFollows(i + 1, to)) {
          i = readStringAt(i, to);
        } else {
          i++;
        }
      }
    }

    private boolean containerFollows(int from, int to) {
      int i = from;
      while (i < to && text.charAt(i) == ' ') {
        i++;
      }
      return i < to && (text.charAt(i) == '{' || text.charAt(i) == '[');
    }

    /** Reads the value at {@code start}; returns where to go on. */
    private int readAt(int start, int to, boolean fenced) {
      Set<String> repairs = new LinkedHashSet<>();
      LenientJson reader = new LenientJson(text, start, to, repairs);
      try {
        JsonNode value = reader.readContainer();
        int end = reader.position();
        addFound(value, start, end, fenced, repairs);
        return end;
      } catch (LenientJson.Failure failure) {
        if (failure.tooDeep()) {
          refusal = failure.describe(original);
          return to;
        }
        if (failure.cutOff()) {
          if (to > lastContent) {
            finalCutOff = failure;
          } else {
            noteFailure(failure, to - start);
          }
          return to;
        }
        noteFailure(failure, reader.position() - start);
        return Math.max(start + 1, reader.position());
      }
    }

    /** Reads a JSON string literal at {@code start} that may hold a value. */
    private int readStringAt(int start, int to) {
      int i = start + 1;
      while (i < to && text.charAt(i) != '"') {
        i += text.charAt(i) == '\\' ? 2 : 1;
      }
      if (i >= to) {
        return start + 1;
      }
      JsonNode literal;
      try {
        literal = Json.readTree(text.substring(start, i + 1));
      } catch (ParseException e) {
        return i + 1;
      }
      if (outerRepair == null && literal.isString()) {
        Candidates inner = new Search(literal.stringValue(),
            "read the value inside a JSON string").run();
        for (Candidate candidate : inner.values()) {
          add(candidate);
        }
      }
      return i + 1;
    }

    private void addFound(
        JsonNode value, int start, int end, boolean fenced, Set<String> readerRepairs) {
      List<String> repairs = new ArrayList<>();
      if (outerRepair != null) {
        repairs.add(outerRepair);
      }
      if (thinkSeen) {
        repairs.add("ignored a <think> block");
      }
      if (fenced) {
        repairs.add("read the JSON inside a markdown fence");
      }
      if (hasTextOutside(start, end)) {
        repairs.add("ignored the text around the JSON");
      }
      repairs.addAll(readerRepairs);
      add(new Candidate(value, end - start, repairs));
    }

    private void add(Candidate candidate) {
      if (found.size() == MAX_VALUES) {
        refusal = "found more than " + MAX_VALUES + " JSON values in the output; give exactly one";
        return;
      }
      found.add(candidate);
    }

    private boolean hasTextOutside(int start, int end) {
      return firstContent < start || lastContent >= end;
    }

    private void noteFailure(LenientJson.Failure failure, int length) {
      if (length > longestFailureLength) {
        longestFailure = failure;
        longestFailureLength = length;
      }
    }

    /** The first {@code part}, which starts with a character without case, from {@code from}. */
    private static int indexOfIgnoreCase(String s, String part, int from) {
      char first = part.charAt(0);
      for (int i = s.indexOf(first, Math.max(0, from)); i >= 0; i = s.indexOf(first, i + 1)) {
        if (s.regionMatches(true, i, part, 0, part.length())) {
          return i;
        }
      }
      return -1;
    }
  }
}
