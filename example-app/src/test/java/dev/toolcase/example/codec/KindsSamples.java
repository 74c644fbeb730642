package dev.toolcase.example.codec;

import dev.toolcase.example.types.KindsTools;
import dev.toolcase.example.types.KindsNextStep;
import dev.toolcase.example.types.Kinds.Address;
import dev.toolcase.example.types.Kinds.Boxes;
import dev.toolcase.example.types.Kinds.Circle;
import dev.toolcase.example.types.Kinds.Nothing;
import dev.toolcase.example.types.Kinds.Optionals;
import dev.toolcase.example.types.Kinds.Priority;
import dev.toolcase.example.types.Kinds.Scalars;
import dev.toolcase.example.types.Kinds.Shape;
import dev.toolcase.example.types.Kinds.Shapes;
import dev.toolcase.example.types.Kinds.Square;
import dev.toolcase.example.types.Kinds.Structures;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;

/** Random values of every tool of {@link Kinds}, from a seeded {@link Random}. */
final class KindsSamples {

  private final Random random;
  private final boolean finiteOnly;

  /**
   * @param finiteOnly whether to avoid NaN and infinities, which JSON Schema's {@code number}
   *     does not admit (they round-trip as strings)
   */
  KindsSamples(Random random, boolean finiteOnly) {
    this.random = random;
    this.finiteOnly = finiteOnly;
  }

  KindsNextStep any() {
    return switch (random.nextInt(6)) {
      case 0 -> scalars();
      case 1 -> boxes();
      case 2 -> structures();
      case 3 -> optionals();
      case 4 -> shapes();
      default -> new Nothing();
    };
  }

  Scalars scalars() {
    return new Scalars(text(), random.nextBoolean(), random.nextInt(), random.nextLong(),
        (short) random.nextInt(), (byte) random.nextInt(), letter(), aDouble(), aFloat(),
        new BigDecimal(new BigInteger(80, random), random.nextInt(12) - 2),
        new BigInteger(100, random).subtract(BigInteger.TWO.pow(99)),
        Instant.ofEpochSecond(random.nextLong(-30_000_000_000L, 200_000_000_000L), random.nextInt(1_000_000_000)),
        LocalDate.ofEpochDay(random.nextLong(-700_000, 2_900_000)), priority());
  }

  Boxes boxes() {
    return new Boxes(random.nextInt(), random.nextLong(), aDouble(), random.nextBoolean(), letter());
  }

  Structures structures() {
    Map<String, Integer> counts = new LinkedHashMap<>();
    Map<String, List<Address>> book = new LinkedHashMap<>();
    for (int i = random.nextInt(4); i > 0; i--) {
      counts.put(text(), random.nextInt());
      book.put(text(), list(this::address));
    }
    Set<Priority> priorities = new LinkedHashSet<>(list(this::priority));
    return new Structures(list(this::text), priorities, counts, book, address(),
        list(() -> list(random::nextInt)));
  }

  Optionals optionals() {
    return new Optionals(maybe(this::text), maybe(random::nextInt), maybe(this::priority),
        maybe(this::address), maybe(() -> list(this::text)), maybe(this::shape));
  }

  Shapes shapes() {
    return new Shapes(shape(), list(this::shape));
  }

  private Shape shape() {
    return random.nextBoolean()
        ? new Circle(aDouble())
        : new Square(aDouble(), maybe(this::text));
  }

  private Address address() {
    return new Address(text(), text());
  }

  private Priority priority() {
    return Priority.values()[random.nextInt(Priority.values().length)];
  }

  private <T> List<T> list(java.util.function.Supplier<T> element) {
    List<T> values = new ArrayList<>();
    for (int i = random.nextInt(4); i > 0; i--) {
      values.add(element.get());
    }
    return values;
  }

  private <T> Optional<T> maybe(java.util.function.Supplier<T> value) {
    return random.nextBoolean() ? Optional.of(value.get()) : Optional.empty();
  }

  /** Text of any code points: quotes, backslashes, controls, emoji, RTL. */
  String text() {
    StringBuilder text = new StringBuilder();
    for (int i = random.nextInt(12); i > 0; i--) {
      int codePoint = switch (random.nextInt(4)) {
        case 0 -> random.nextInt(0x20, 0x7f);
        case 1 -> random.nextInt(0, 0x20);
        case 2 -> "\"\\{}[],:'`".charAt(random.nextInt(10));
        default -> {
          int candidate = random.nextInt(0xa0, 0x10ffff);
          yield Character.isSurrogate((char) candidate) || (candidate >= 0xd800 && candidate <= 0xdfff)
              ? 0x263a : candidate;
        }
      };
      text.appendCodePoint(codePoint);
    }
    return text.toString();
  }

  private char letter() {
    char c = (char) random.nextInt(0x20, 0xd7ff);
    return c;
  }

  private double aDouble() {
    double value = Double.longBitsToDouble(random.nextLong());
    return finiteOnly && !Double.isFinite(value) ? random.nextDouble() : value;
  }

  private float aFloat() {
    float value = Float.intBitsToFloat(random.nextInt());
    return finiteOnly && !Float.isFinite(value) ? random.nextFloat() : value;
  }
}
