package dev.toolcase.example.types;

import dev.toolcase.AgentThread;
import dev.toolcase.FinalAnswer;
import dev.toolcase.Prompt;
import dev.toolcase.Template;
import dev.toolcase.Tool;
import java.util.List;
import java.util.Map;

/** Tools whose shapes make readers guess: names that differ only in case, a single record, maps. */
@Prompt(tools = {Tricky.Pick.class, Tricky.Register.class, Tricky.Tally.class, Tricky.Note.class,
    Tricky.Finish.class})
public interface Tricky {

  /** Picks the next tool. */
  @Template("""
      {{role user}}
      {{thread}}
      {{output_format}}
      """)
  TrickyNextStep next(AgentThread thread);

  /** Constants that differ only in case. */
  enum Letters { AA, Aa, aa }

  /** Stages, one a word inside a hyphenated word of another's description. */
  enum Stage { staging, release, production }

  /** Picks letters and a stage. */
  @Tool("pick")
  record Pick(Letters letters, Stage stage) implements TrickyNextStep {}

  /** A person. */
  record Person(String name, String email) {}

  /** A tool whose only argument is a record. */
  @Tool("register a person")
  record Register(Person person) implements TrickyNextStep {}

  /** Counts by name, and colours. */
  @Tool("tally")
  record Tally(Map<String, Integer> counts, List<String> colors) implements TrickyNextStep {}

  /** A path and a text. */
  @Tool("note")
  record Note(String path, String text) implements TrickyNextStep {}

  /** The end. */
  @Tool("finish")
  record Finish(String message) implements TrickyNextStep, FinalAnswer {}
}
