package dev.toolcase.example;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The calculator's offline stand-in for a model's reading of a sentence: the arithmetic it asks
 * for, as operations in the order a careful model would call the tools. Understands spoken
 * arithmetic on two or more numbers: {@code "multiply 3 and 4, then divide the result by 2"},
 * {@code "can you add 2 and 2?"}, {@code "what is 7 times 6 plus 1"}, {@code "subtract 3 from
 * 10"}, with {@code "the result"}, {@code "that"} or {@code "it"} for the previous result.
 *
 * @param operations the operations, each using numbers or earlier results
 */
record ArithmeticPlan(List<Operation> operations) {

  /** A tool of the calculator, by intent. */
  enum Op {
    ADD("add", "plus"),
    SUBTRACT("subtract", "minus"),
    MULTIPLY("multiply", "times"),
    DIVIDE("divide", "divided by");

    final String intent;
    final String spoken;

    Op(String intent, String spoken) {
      this.intent = intent;
      this.spoken = spoken;
    }

    double apply(double a, double b) {
      return switch (this) {
        case ADD -> a + b;
        case SUBTRACT -> a - b;
        case MULTIPLY -> a * b;
        case DIVIDE -> a / b;
      };
    }
  }

  /** A number written in the sentence, or the result of an earlier operation. */
  sealed interface Operand {}

  /** A number of the sentence. */
  record Literal(double value) implements Operand {}

  /** The result of operation {@code index} (0-based). */
  record ResultOf(int index) implements Operand {}

  /** One tool call: {@code op(a, b)}. */
  record Operation(Op op, Operand a, Operand b) {}

  ArithmeticPlan {
    operations = List.copyOf(operations);
  }

  private static final Pattern NUMBER = Pattern.compile("-?\\d+(?:\\.\\d+)?");
  private static final Pattern REFERENCE = Pattern.compile(
      "\\b(?:the (?:previous |last )?(?:result|answer|number)|that (?:result|answer|number)"
          + "|this (?:result|number)|that|this|it)\\b");
  private static final Pattern CLAUSE_BREAK = Pattern.compile(
      "\\s*(?:,\\s*(?:and\\s+)?then\\b|\\band then\\b|\\bthen\\b|;|,\\s*after that\\b"
          + "|\\bafter that\\b|,)\\s*");

  /** The plan of {@code sentence}, or empty when it is not arithmetic this reader follows. */
  static Optional<ArithmeticPlan> of(String sentence) {
    String text = normalise(sentence);
    List<String> clauses = new ArrayList<>();
    for (String part : CLAUSE_BREAK.split(text)) {
      String clause = part.trim();
      if (clause.isEmpty()) {
        continue;
      }
      // "add 1, 2 and 3": a part without an operation word continues the clause before it.
      if (!clauses.isEmpty() && !hasOperationWord(clause)) {
        clauses.set(clauses.size() - 1, clauses.getLast() + " and " + clause);
      } else {
        clauses.add(clause);
      }
    }
    List<Operation> operations = new ArrayList<>();
    for (String clause : clauses) {
      if (!readClause(clause, operations)) {
        return Optional.empty();
      }
    }
    long literals = operations.stream()
        .flatMap(o -> java.util.stream.Stream.of(o.a(), o.b()))
        .filter(Literal.class::isInstance)
        .count();
    return operations.isEmpty() || literals < 2 && operations.size() < 2
        ? Optional.empty()
        : Optional.of(new ArithmeticPlan(operations));
  }

  private static String normalise(String sentence) {
    String text = " " + sentence.toLowerCase(Locale.ROOT) + " ";
    text = text.replaceAll("(\\d),(\\d{3})", "$1$2")
        .replaceAll("(?<=\\d)\\s*[x×*]\\s*(?=-?\\d)", " times ")
        .replace("÷", " divided by ")
        .replaceAll("(?<=[\\d\\s])/(?=[\\s\\d-])", " divided by ")
        .replaceAll("(?<=[\\d\\s])\\+(?=[\\s\\d-])", " plus ")
        .replaceAll("\\s-\\s", " minus ")
        .replaceAll("[?!]", " ")
        .replaceAll("\\.(?!\\d)", " ");
    for (String filler : List.of("can you", "could you", "would you", "please", "what is",
        "what's", "how much is", "calculate", "compute", "work out", "tell me", "i want to",
        "first", "finally", "next", "equals", "is")) {
      text = text.replaceAll("\\b" + Pattern.quote(filler) + "\\b", " ");
    }
    return text.replaceAll("\\s+", " ").trim();
  }

  private static boolean hasOperationWord(String clause) {
    return clause.matches(".*\\b(?:add|plus|sum|subtract|minus|take|difference|multiply|times"
        + "|multiplied|product|divide|divided|over|quotient|double|halve|square)\\b.*");
  }

  /** Reads one clause into operations; false when it is not understood. */
  private static boolean readClause(String clause, List<Operation> operations) {
    Operand previous = operations.isEmpty() ? null : new ResultOf(operations.size() - 1);
    List<Operand> operands = operands(clause, previous);
    if (operands == null) {
      return false;
    }
    Matcher verb = Pattern.compile("^(add|sum of|subtract|take|take away|difference between|"
        + "difference of|multiply|product of|divide|quotient of|double|halve|square)\\b(.*)$")
        .matcher(clause);
    if (!verb.matches()) {
      return readInfix(clause, previous, operations);
    }
    String rest = verb.group(2);
    Op op = switch (verb.group(1)) {
      case "add", "sum of" -> Op.ADD;
      case "subtract", "take", "take away", "difference between", "difference of" -> Op.SUBTRACT;
      case "multiply", "product of", "double", "square" -> Op.MULTIPLY;
      default -> Op.DIVIDE;
    };
    switch (verb.group(1)) {
      case "double" -> operands.add(new Literal(2));
      case "halve" -> operands.add(new Literal(2));
      case "square" -> operands.add(operands.isEmpty() ? previous : operands.getFirst());
      default -> { }
    }
    if (operands.size() == 1 && previous != null && !mentionsReference(clause)) {
      // "then divide by 2": the previous result is the first operand.
      operands.addFirst(previous);
    }
    if (operands.size() < 2 || operands.contains(null)) {
      return false;
    }
    // "subtract 3 from 10", "add 12 to the result": the second operand is the one acted on.
    boolean reversed = (op == Op.SUBTRACT && rest.contains(" from "))
        || (op == Op.ADD && rest.contains(" to "));
    if (reversed && operands.size() == 2) {
      operands = List.of(operands.get(1), operands.get(0));
    }
    Operand acc = operands.get(0);
    for (int i = 1; i < operands.size(); i++) {
      operations.add(new Operation(op, acc, operands.get(i)));
      acc = new ResultOf(operations.size() - 1);
    }
    return true;
  }

  /** {@code 2 plus 3 times 4}: multiplication and division first, then left to right. */
  private static boolean readInfix(String clause, Operand previous, List<Operation> operations) {
    List<Object> tokens = new ArrayList<>();
    Matcher m = Pattern.compile("-?\\d+(?:\\.\\d+)?|" + REFERENCE.pattern()
        + "|plus|minus|times|multiplied by|divided by|over|and").matcher(clause);
    int end = 0;
    while (m.find()) {
      if (!clause.substring(end, m.start()).isBlank()) {
        return false;
      }
      end = m.end();
      String token = m.group();
      if (NUMBER.matcher(token).matches()) {
        tokens.add(new Literal(Double.parseDouble(token)));
      } else if (REFERENCE.matcher(token).matches()) {
        if (previous == null) {
          return false;
        }
        tokens.add(previous);
      } else {
        tokens.add(switch (token) {
          case "plus", "and" -> Op.ADD;
          case "minus" -> Op.SUBTRACT;
          case "times", "multiplied by" -> Op.MULTIPLY;
          default -> Op.DIVIDE;
        });
      }
    }
    if (!clause.substring(end).isBlank() || tokens.isEmpty()) {
      return false;
    }
    if (tokens.getFirst() instanceof Op && previous != null) {
      tokens.addFirst(previous); // "then times 3"
    }
    if (tokens.size() < 3 || tokens.size() % 2 == 0) {
      return false;
    }
    for (int i = 0; i < tokens.size(); i++) {
      if ((i % 2 == 0) != (tokens.get(i) instanceof Operand)) {
        return false;
      }
    }
    // First pass: times and divided by, replacing each product by its result.
    List<Object> sums = new ArrayList<>();
    sums.add(tokens.getFirst());
    for (int i = 1; i < tokens.size(); i += 2) {
      Op op = (Op) tokens.get(i);
      Operand right = (Operand) tokens.get(i + 1);
      if (op == Op.MULTIPLY || op == Op.DIVIDE) {
        operations.add(new Operation(op, (Operand) sums.removeLast(), right));
        sums.add(new ResultOf(operations.size() - 1));
      } else {
        sums.add(op);
        sums.add(right);
      }
    }
    Operand acc = (Operand) sums.getFirst();
    for (int i = 1; i < sums.size(); i += 2) {
      operations.add(new Operation((Op) sums.get(i), acc, (Operand) sums.get(i + 1)));
      acc = new ResultOf(operations.size() - 1);
    }
    return true;
  }

  /** The numbers and references of a verb clause, in order; null if a reference has no referent. */
  private static List<Operand> operands(String clause, Operand previous) {
    List<Operand> operands = new ArrayList<>();
    Matcher m = Pattern.compile(NUMBER.pattern() + "|" + REFERENCE.pattern()).matcher(clause);
    while (m.find()) {
      if (NUMBER.matcher(m.group()).matches()) {
        operands.add(new Literal(Double.parseDouble(m.group())));
      } else if (previous == null) {
        return null;
      } else {
        operands.add(previous);
      }
    }
    return operands;
  }

  private static boolean mentionsReference(String clause) {
    return REFERENCE.matcher(clause).find();
  }

  /** A number as a person writes it: {@code 18}, {@code 2.5}. */
  static String format(double value) {
    if (value == Math.rint(value) && Math.abs(value) < 1e15) {
      return Long.toString((long) value);
    }
    String text = Double.toString(value);
    return text.contains("E") ? text : text.replaceAll("0+$", "").replaceAll("\\.$", "");
  }
}
