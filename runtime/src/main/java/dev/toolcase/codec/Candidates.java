package dev.toolcase.codec;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

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
  record Candidate(JsonValue value, int length, List<String> repairs) {
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
    JsonValue strict = strict(trimmed);
    if (strict != null) {
      if (strict instanceof JsonString string && startsContainer(string.value())) {
        return new Search(string.value(), "read the value inside a JSON string").run();
      }
      return new Candidates(List.of(new Candidate(strict, trimmed.length(), List.of())), "");
    }
    return new Search(text, null).run();
  }

  private static Candidates none(String failure) {
    return new Candidates(List.of(), failure);
  }

  /** The text as strict JSON, or null when it is not. */
  private static JsonValue strict(String trimmed) {
    char first = trimmed.charAt(0);
    char last = trimmed.charAt(trimmed.length() - 1);
    boolean plausible = (first == '{' && last == '}') || (first == '[' && last == ']')
        || (first == '"' && last == '"');
    return plausible ? StrictJson.readOrNull(trimmed) : null;
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
     * Characters the search may read again after a bracket of prose, so that rescanning stays
     * linear in the text whatever it holds.
     */
    private long rescanBudget;

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
      this.rescanBudget = 8L * chars.length + 4096;
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
        int close = closingFence(visible, content);
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

    /**
     * The fence that closes a block: three backticks at the start of a line or at its end, so
     * backticks inside a JSON string of the block (a message holding code) do not close it.
     */
    private static int closingFence(String output, int from) {
      int at = output.indexOf("```", from);
      while (at >= 0) {
        int before = at - 1;
        while (before >= from && (output.charAt(before) == ' ' || output.charAt(before) == '\t')) {
          before--;
        }
        int after = at + 3;
        while (after < output.length() && (output.charAt(after) == ' ' || output.charAt(after) == '\t')) {
          after++;
        }
        boolean lineStart = before < from || output.charAt(before) == '\n';
        boolean lineEnd = after >= output.length() || output.charAt(after) == '\n'
            || output.charAt(after) == '\r';
        if (lineStart || lineEnd) {
          return at;
        }
        at = output.indexOf("```", at + 3);
      }
      return -1;
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
        if (c == '{' && outerRepair == null && escapedQuoteFollows(i + 1, to)) {
          i = readEscapedAt(i, to);
        } else if (c == '{' || c == '[') {
          i = readAt(i, to, fenced);
          if (refusal != null) {
            return;
          }
        } else if (c == '"' && i + 1 < to && (text.charAt(i + 1) == '{' || text.charAt(i + 1) == '[')) {
          i = readStringAt(i, to);
        } else {
          i++;
        }
      }
    }

    /** {@code {\"intent\": ...}}: an object whose quotes are all escaped, outside any string. */
    private boolean escapedQuoteFollows(int from, int to) {
      int i = from;
      while (i < to && Character.isWhitespace(text.charAt(i))) {
        i++;
      }
      return i + 1 < to && text.charAt(i) == '\\' && text.charAt(i + 1) == '"';
    }

    /** Reads the object at {@code start} with its escaped quotes as quotes; returns where to go on. */
    private int readEscapedAt(int start, int to) {
      String unescaped = text.substring(start, to).replace("\\\\", "\u0000")
          .replace("\\\"", "\"").replace("\u0000", "\\");
      Candidates inner = new Search(unescaped, "read the quotes of a JSON value written escaped")
          .run();
      if (inner.values().isEmpty()) {
        return readAt(start, to, false);
      }
      for (Candidate candidate : inner.values()) {
        add(candidate);
      }
      return to;
    }

    /** Reads the value at {@code start}; returns where to go on. */
    private int readAt(int start, int to, boolean fenced) {
      Set<String> repairs = new LinkedHashSet<>();
      LenientJson reader = new LenientJson(text, start, to, repairs);
      try {
        JsonValue value = reader.readContainer();
        int end = reader.position();
        addFound(value, start, end, fenced, repairs);
        if (text.charAt(start) == '[' && repairs.contains(LenientJson.KEPT_QUOTE)
            && prose(start + 1, to) && rescanBudget > 0) {
          // ["ERROR" refused] {...} read as one long string: the JSON in it is read on its own too.
          rescanBudget -= end - start;
          return start + 1;
        }
        return end;
      } catch (LenientJson.Failure failure) {
        if (failure.tooDeep()) {
          refusal = failure.describe(original);
          return to;
        }
        if (failure.cutOff()) {
          if (text.charAt(start) == '[' && prose(start + 1, to) && rescanBudget > 0) {
            // "deploy [v1.4.2 to staging now:" is prose with a bracket, not JSON cut off: the
            // JSON it swallowed is read on its own.
            rescanBudget -= to - start;
            noteFailure(failure, to - start);
            return start + 1;
          }
          if (to > lastContent) {
            finalCutOff = failure;
          } else {
            noteFailure(failure, to - start);
          }
          return to;
        }
        noteFailure(failure, reader.position() - start);
        if (text.charAt(start) == '[' && prose(start + 1, to) && rescanBudget > 0) {
          // "log: ["ERROR" refused] {...}": a bracket of prose; what it swallowed is read on its own.
          rescanBudget -= reader.position() - start;
          return start + 1;
        }
        return Math.max(start + 1, Math.min(reader.position(), failure.resumeAt()));
      }
    }

    /**
     * Whether what follows an opening bracket is prose, not a JSON value: a word ({@code [ERROR]}),
     * a number that goes on with more than a delimiter ({@code [2/4}), or a string followed by
     * more than a delimiter ({@code ["ERROR" connection refused]}).
     */
    private boolean prose(int from, int to) {
      int i = skipSpaces(from, to);
      if (i >= to) {
        return false;
      }
      char c = text.charAt(i);
      if (c == '{' || c == '[' || c == ']') {
        return false;
      }
      int end;
      if (LenientJson.isQuote(c)) {
        end = text.indexOf(c == '\u201c' ? '\u201d' : c == '\u2018' ? '\u2019' : c, i + 1);
        if (end < 0 || end >= to) {
          return false;
        }
        end++;
      } else if (c == '-' || (c >= '0' && c <= '9')) {
        end = i + 1;
        while (end < to && "0123456789.eE+-".indexOf(text.charAt(end)) >= 0) {
          end++;
        }
      } else {
        for (String literal : List.of("true", "false", "null")) {
          if (text.startsWith(literal, i)) {
            return !delimiterAt(i + literal.length(), to);
          }
        }
        return true;
      }
      return !delimiterAt(end, to);
    }

    /** Whether the next character after spaces ends an element: a comma, a bracket, or the end. */
    private boolean delimiterAt(int at, int to) {
      int i = skipSpaces(at, to);
      return i >= to || text.charAt(i) == ',' || text.charAt(i) == ']';
    }

    private int skipSpaces(int from, int to) {
      int i = from;
      while (i < to && Character.isWhitespace(text.charAt(i))) {
        i++;
      }
      return i;
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
      JsonValue literal = StrictJson.readOrNull(text.substring(start, i + 1));
      if (literal == null) {
        return i + 1;
      }
      if (outerRepair == null && literal instanceof JsonString string) {
        Candidates inner = new Search(string.value(),
            "read the value inside a JSON string").run();
        for (Candidate candidate : inner.values()) {
          add(candidate);
        }
        if (!inner.values().isEmpty()) {
          return i + 1;
        }
      }
      // Not a string holding JSON after all (a closing quote, say): read what follows the quote.
      return start + 1;
    }

    private void addFound(
        JsonValue value, int start, int end, boolean fenced, Set<String> readerRepairs) {
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
