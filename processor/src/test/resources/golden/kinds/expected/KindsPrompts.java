package dev.toolcase.example.types;

import dev.toolcase.AgentThread;
import dev.toolcase.codec.Decoder;
import dev.toolcase.codec.JsonObject;
import dev.toolcase.codec.JsonValue;
import dev.toolcase.llm.ChatMessage;
import dev.toolcase.llm.LlmClient;
import dev.toolcase.prompt.PromptRunner;
import dev.toolcase.prompt.TemplateText;
import java.util.List;
import java.util.Set;
import javax.annotation.processing.Generated;

/**
 * {@link Kinds} on a model: renders each template, calls the model and reads the answer
 * with generated code. The {@code ...Messages} methods give the exact messages
 * that would be sent, without calling the model.
 */
@Generated("dev.toolcase.processor.ToolcaseProcessor")
public final class KindsPrompts implements Kinds {
  private static final String NEXT_TEMPLATE = "{{role system}}\n"
      + "Use the tools.\n"
      + "{{role user}}\n"
      + "{{thread}}\n"
      + "{{output_format}}\n";

  private static final String CLASSIFY_TEMPLATE = "{{role user}} How urgent is this: {{text}}? {{output_format}}";

  private static final String CORRECT_TEMPLATE = "{{role user}} Correct the address on {{address.street}} (zip {{address.zip}}). {{output_format}}";

  private static final String SUMMARIZE_TEMPLATE = "{{role system}} Summarize. {{role user}} {{history}}";

  private static final String PRIORITY_SCHEMA = "{\"type\":\"object\",\"properties\":{\"value\":{\"description\":\"low: can wait\",\"type\":\"string\",\"enum\":[\"low\",\"high\"]}},\"required\":[\"value\"],\"additionalProperties\":false}";

  private static final String ADDRESS_SCHEMA = "{\"type\":\"object\",\"properties\":{\"street\":{\"type\":\"string\"},\"zip\":{\"description\":\"postal code\",\"type\":\"string\"}},\"required\":[\"street\",\"zip\"],\"additionalProperties\":false}";

  private static final Kinds.Priority[] KINDS_PRIORITY_VALUES = Kinds.Priority.values();

  private static final String[] KINDS_PRIORITY_NAMES = {"low", "high"};

  private static final Set<String> KINDS_ADDRESS_PROPERTIES = Set.of("street", "zip");

  private final PromptRunner runner;

  private KindsPrompts(PromptRunner runner) {
    this.runner = runner;
  }

  /**
   * {@link Kinds} on {@code client}, with native tool calling and the default context format.
   *
   * @param client the model
   * @return the prompt on it
   */
  public static KindsPrompts using(LlmClient client) {
    return new KindsPrompts(PromptRunner.using(client));
  }

  /**
   * {@link Kinds} on a configured runner: its output mode and context format.
   *
   * @param runner the runner, with its model
   * @return the prompt on it
   */
  public static KindsPrompts using(PromptRunner runner) {
    return new KindsPrompts(runner);
  }

  /**
   * The messages {@link #next} sends, rendered from its template, without calling the model.
   *
   * @param thread as {@link #next} takes it
   * @return the messages, in order
   */
  public List<ChatMessage> nextMessages(AgentThread thread) {
    return TemplateText.render(NEXT_TEMPLATE, variable -> switch (variable) {
          case "thread" -> runner.thread(thread, KindsTools.CODEC);
          case "output_format" -> runner.outputFormat(KindsTools.CODEC);
          default -> throw new IllegalStateException("no such template variable: " + variable);
        });
  }

  @Override
  public KindsNextStep next(AgentThread thread) {
    List<ChatMessage> messages = nextMessages(thread);
    return runner.nextStep(messages, KindsTools.CODEC);
  }

  /**
   * The messages {@link #classify} sends, rendered from its template, without calling the model.
   *
   * @param text as {@link #classify} takes it
   * @return the messages, in order
   */
  public List<ChatMessage> classifyMessages(String text) {
    return TemplateText.render(CLASSIFY_TEMPLATE, variable -> switch (variable) {
          case "text" -> runner.value(text);
          case "output_format" -> runner.outputFormat(PRIORITY_SCHEMA);
          default -> throw new IllegalStateException("no such template variable: " + variable);
        });
  }

  @Override
  public Kinds.Priority classify(String text) {
    List<ChatMessage> messages = classifyMessages(text);
    return runner.structured(messages, "classify", PRIORITY_SCHEMA, (d, value) -> d.wrapped(value, "value", KindsPrompts::readKindsPriority));
  }

  /**
   * The messages {@link #correct} sends, rendered from its template, without calling the model.
   *
   * @param address as {@link #correct} takes it
   * @return the messages, in order
   */
  public List<ChatMessage> correctMessages(Kinds.Address address) {
    return TemplateText.render(CORRECT_TEMPLATE, variable -> switch (variable) {
          case "address.street" -> runner.value(address.street());
          case "address.zip" -> runner.value(address.zip());
          case "output_format" -> runner.outputFormat(ADDRESS_SCHEMA);
          default -> throw new IllegalStateException("no such template variable: " + variable);
        });
  }

  @Override
  public Kinds.Address correct(Kinds.Address address) {
    List<ChatMessage> messages = correctMessages(address);
    return runner.structured(messages, "correct", ADDRESS_SCHEMA, KindsPrompts::readKindsAddress);
  }

  /**
   * The messages {@link #summarize} sends, rendered from its template, without calling the model.
   *
   * @param history as {@link #summarize} takes it
   * @return the messages, in order
   */
  public List<ChatMessage> summarizeMessages(AgentThread history) {
    return TemplateText.render(SUMMARIZE_TEMPLATE, variable -> switch (variable) {
          case "history" -> runner.thread(history, KindsTools.CODEC);
          default -> throw new IllegalStateException("no such template variable: " + variable);
        });
  }

  @Override
  public String summarize(AgentThread history) {
    List<ChatMessage> messages = summarizeMessages(history);
    return runner.text(messages);
  }

  private static Kinds.Priority readKindsPriority(Decoder d, JsonValue value) {
    return dev.toolcase.codec.Scalars.enumValue(d, value, KINDS_PRIORITY_VALUES, KINDS_PRIORITY_NAMES);
  }

  private static Kinds.Address readKindsAddress(Decoder d, JsonValue value) {
    JsonObject object = d.object(value);
    if (object == null) {
      return null;
    }
    int mark = d.mark();
    String street = d.required(object, "street", dev.toolcase.codec.Scalars::string);
    String zip = d.required(object, "zip", dev.toolcase.codec.Scalars::string);
    d.unknownProperties(object, KINDS_ADDRESS_PROPERTIES);
    return d.failedSince(mark) ? null : d.built(() -> new Kinds.Address(street, zip));
  }
}
