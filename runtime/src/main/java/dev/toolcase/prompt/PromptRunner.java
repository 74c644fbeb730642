package dev.toolcase.prompt;

import dev.toolcase.AgentThread;
import dev.toolcase.ParseException;
import dev.toolcase.UnknownProperties;
import dev.toolcase.codec.Decoder;
import dev.toolcase.codec.Parsing;
import dev.toolcase.codec.StepCodec;
import dev.toolcase.llm.ChatMessage;
import dev.toolcase.llm.LlmClient;
import dev.toolcase.llm.LlmRequest;
import dev.toolcase.llm.LlmResponse;
import dev.toolcase.llm.OutputMode;
import dev.toolcase.llm.ResponseSchema;
import dev.toolcase.llm.ToolCall;
import dev.toolcase.llm.ToolSet;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * What generated {@code XPrompts} classes call: expands template variables, sends the messages
 * to the model in the chosen output mode, and reads the answer with the generated codec.
 *
 * <p>Immutable; the {@code with...} methods return a changed copy.
 *
 * @param client the model
 * @param mode how a next step is asked for: native tool calling (the default), a JSON-schema
 *     response format, or plain text with the schema in the prompt
 * @param threads how {@code {{thread}}} is rendered
 */
public record PromptRunner(LlmClient client, OutputMode mode, ThreadRendering threads) {

  /** Validates the parts. */
  public PromptRunner {
    Objects.requireNonNull(client, "client");
    Objects.requireNonNull(mode, "mode");
    Objects.requireNonNull(threads, "threads");
  }

  /**
   * A runner on {@code client} with native tool calling and the default context format.
   *
   * @param client the model
   * @return the runner
   */
  public static PromptRunner using(LlmClient client) {
    return new PromptRunner(client, OutputMode.TOOLS, ThreadRendering.defaults());
  }

  /**
   * This runner asking for next steps in another output mode.
   *
   * @param mode the output mode
   * @return a new runner; this one is unchanged
   */
  public PromptRunner withMode(OutputMode mode) {
    return new PromptRunner(client, mode, threads);
  }

  /**
   * This runner rendering threads another way.
   *
   * @param threads how {@code {{thread}}} is rendered
   * @return a new runner; this one is unchanged
   */
  public PromptRunner withThreads(ThreadRendering threads) {
    return new PromptRunner(client, mode, threads);
  }

  // ---------------------------------------------------------------- template variables

  /**
   * {@code {{thread}}}.
   *
   * @param thread the thread
   * @param codec the codec of the union whose steps the thread holds
   * @return the rendered thread
   */
  public Expansion thread(AgentThread thread, StepCodec<?> codec) {
    return threads.render(thread, codec);
  }

  /**
   * {@code {{param}}}: the value's text.
   *
   * @param value the parameter's value
   * @return its text, in place
   */
  public Expansion value(Object value) {
    return Expansion.text(String.valueOf(value));
  }

  /**
   * {@code {{output_format}}} of a next step: with native tools, a one-line instruction (the
   * schemas travel as tool definitions); otherwise the instruction and the union's schema.
   *
   * @param codec the union's codec
   * @return the instructions, in place
   */
  public Expansion outputFormat(StepCodec<?> codec) {
    if (mode == OutputMode.TOOLS) {
      return Expansion.text("Call exactly one of the tools: " + String.join(", ", codec.intents()) + ".");
    }
    return outputFormat(codec.unionSchema());
  }

  /**
   * {@code {{output_format}}} of a structured answer: the instruction and the schema.
   *
   * @param schema the answer's JSON Schema
   * @return the instructions, in place
   */
  public Expansion outputFormat(String schema) {
    return Expansion.text("""
        Answer with one JSON object that matches this JSON Schema. You may think in prose first; \
        the last JSON object in your answer is read.
        """ + schema);
  }

  // ---------------------------------------------------------------- calls

  /**
   * Asks the model for the next step and reads it with the union's codec.
   *
   * @param <S> the union of steps
   * @param messages the messages, with template variables expanded
   * @param codec the union's codec
   * @return the step
   * @throws ParseException if the answer is not one valid step
   */
  public <S> S nextStep(List<ChatMessage> messages, StepCodec<S> codec) {
    LlmResponse response = switch (mode) {
      case TOOLS -> client.complete(LlmRequest.tools(messages,
          ToolSet.rendered(codec.openAiTools(), codec.anthropicTools())));
      case JSON_SCHEMA -> client.complete(LlmRequest.jsonSchema(messages,
          new ResponseSchema("next_step", codec.unionSchema())));
      case TEXT -> client.complete(LlmRequest.text(messages));
    };
    if (response.isRefusal()) {
      throw new ParseException("the model refused: " + response.refusal());
    }
    List<ToolCall> calls = response.toolCalls();
    if (calls.size() == 1) {
      return codec.fromToolCall(calls.getFirst().name(), calls.getFirst().argumentsJson());
    }
    if (calls.size() > 1) {
      throw new ParseException("call exactly one tool per turn; got " + calls.size() + ": "
          + calls.stream().map(ToolCall::name).collect(Collectors.joining(", ")));
    }
    return codec.parse(response.text());
  }

  /**
   * Asks the model for free text.
   *
   * @param messages the messages, with template variables expanded
   * @return the answer; empty when the model gave no text
   */
  public String text(List<ChatMessage> messages) {
    LlmResponse response = client.complete(LlmRequest.text(messages));
    if (response.isRefusal()) {
      throw new ParseException("the model refused: " + response.refusal());
    }
    return response.text() == null ? "" : response.text();
  }

  /**
   * Asks the model for a JSON answer matching {@code schema} and reads it with generated code.
   *
   * @param <T> the answer's type
   * @param messages the messages, with template variables expanded
   * @param name a name for the schema, sent to providers that want one
   * @param schema the answer's JSON Schema
   * @param reader the generated reader of the answer
   * @return the answer
   * @throws ParseException if the answer does not fit
   */
  public <T> T structured(List<ChatMessage> messages, String name, String schema, Decoder.Reader<T> reader) {
    LlmRequest request = mode == OutputMode.TEXT
        ? LlmRequest.text(messages)
        : LlmRequest.jsonSchema(messages, new ResponseSchema(name, schema));
    LlmResponse response = client.complete(request);
    if (response.isRefusal()) {
      throw new ParseException("the model refused: " + response.refusal());
    }
    return Parsing.parse(response.text(), null, reader, UnknownProperties.IGNORE).value();
  }
}
