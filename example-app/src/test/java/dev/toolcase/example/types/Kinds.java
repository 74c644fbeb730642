package dev.toolcase.example.types;

import dev.toolcase.AgentThread;
import dev.toolcase.Param;
import dev.toolcase.Prompt;
import dev.toolcase.Template;
import dev.toolcase.Tool;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Tools that together use every supported component type, for round-trip and schema tests. None
 * finishes a thread, which the processor warns of unless told it is meant.
 */
@SuppressWarnings("toolcase:no-final-answer")
@Prompt(tools = {Kinds.Scalars.class, Kinds.Boxes.class, Kinds.Structures.class, Kinds.Optionals.class,
    Kinds.Shapes.class, Kinds.Nothing.class})
public interface Kinds {

  /** Picks the next tool. */
  @Template("""
      {{role system}}
      Use the tools.
      {{role user}}
      {{thread}}
      {{output_format}}
      """)
  KindsNextStep next(AgentThread thread);

  /** A structured answer: an enum. */
  @Template("{{role user}} How urgent is this: {{text}}? {{output_format}}")
  Priority classify(String text);

  /** A structured answer: a record, with a component of a parameter in the template. */
  @Template("{{role user}} Correct the address on {{address.street}} (zip {{address.zip}}). {{output_format}}")
  Address correct(Address address);

  /** Free text. */
  @Template("{{role system}} Summarize. {{role user}} {{history}}")
  String summarize(AgentThread history);

  /** A priority with descriptions on its constants. */
  enum Priority {
    @Param("can wait") low,
    high
  }

  /** Every scalar as a primitive or a value type. */
  @Tool("scalars")
  record Scalars(
      @Param("some text") String text,
      boolean flag,
      int count,
      long big,
      short small,
      byte tiny,
      char letter,
      double ratio,
      float weight,
      BigDecimal price,
      BigInteger huge,
      Instant when,
      LocalDate day,
      Priority priority) implements KindsNextStep {}

  /** Boxed scalars. */
  @Tool("boxes")
  record Boxes(Integer count, Long big, Double ratio, Boolean flag, Character letter)
      implements KindsNextStep {}

  /** A nested record. */
  record Address(String street, @Param("postal code") String zip) {}

  /** Collections and nesting. */
  @Tool(value = "structures", name = "structures_tool", approval = true)
  record Structures(
      List<String> tags,
      Set<Priority> priorities,
      Map<String, Integer> counts,
      Map<String, List<Address>> addressBook,
      Address home,
      List<List<Integer>> grid) implements KindsNextStep {}

  /** Optional components of every kind. */
  @Tool("optionals")
  record Optionals(
      Optional<String> note,
      Optional<Integer> limit,
      Optional<Priority> priority,
      Optional<Address> address,
      Optional<List<String>> labels,
      Optional<Shape> shape) implements KindsNextStep {}

  /** A nested union. */
  sealed interface Shape permits Circle, Square {}

  /** A circle. */
  record Circle(double radius) implements Shape {}

  /** A square. */
  record Square(double side, Optional<String> label) implements Shape {}

  /** A component that is a nested union, alone and in a list. */
  @Tool("shapes")
  record Shapes(Shape main, List<Shape> others) implements KindsNextStep {}

  /** A tool without arguments. */
  @Tool("nothing")
  record Nothing() implements KindsNextStep {}
}
