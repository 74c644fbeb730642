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
import java.util.Optional;
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
 * @param parallelToolCalls what tool-calling requests say about several calls in one answer:
 *     allowed, not allowed, or (when empty) nothing, leaving it to the provider
 */
public record PromptRunner(LlmClient client, OutputMode mode, ThreadRendering threads,
    Optional<Boolean> parallelToolCalls) {

  /** Validates the parts. */
  public PromptRunner {
    Objects.requireNonNull(client, "client");
    Objects.requireNonNull(mode, "mode");
    Objects.requireNonNull(threads, "threads");
    Objects.requireNonNull(parallelToolCalls, "parallelToolCalls");
  }

  /**
   * A runner that leaves parallel tool calls to the provider.
   *
   * @param client the model
   * @param mode how a next step is asked for
   * @param threads how {@code {{thread}}} is rendered
   */
  public PromptRunner(LlmClient client, OutputMode mode, ThreadRendering threads) {
    this(client, mode, threads, Optional.empty());
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
    return new PromptRunner(client, mode, threads, parallelToolCalls);
  }

  /**
   * This runner telling the provider whether the model may call several tools in one answer
   * ({@code parallel_tool_calls} for OpenAI, {@code disable_parallel_tool_use} for Anthropic).
   * A prompt method that returns one step takes one call; one that returns
   * {@code List<XNextStep>} takes several.
   *
   * @param allowed whether several calls are allowed
   * @return a new runner; this one is unchanged
   */
  public PromptRunner withParallelToolCalls(boolean allowed) {
    return new PromptRunner(client, mode, threads, Optional.of(allowed));
  }

  /**
   * This runner rendering threads another way.
   *
   * @param threads how {@code {{thread}}} is rendered
   * @return a new runner; this one is unchanged
   */
  public PromptRunner withThreads(ThreadRendering threads) {
    return new PromptRunner(client, mode, threads, parallelToolCalls);
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
   * {@code {{output_format}}} of several steps at once: with native tools, a one-line instruction;
   * otherwise the instruction and the schema of a list of steps.
   *
   * @param codec the union's codec
   * @return the instructions, in place
   */
  public Expansion stepsFormat(StepCodec<?> codec) {
    if (mode == OutputMode.TOOLS) {
      return Expansion.text("Call one or more of the tools, in the order they should run: "
          + String.join(", ", codec.intents()) + ".");
    }
    return outputFormat(codec.stepsSchema());
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
    LlmResponse response = ask(messages, codec, codec.unionSchema(), "next_step");
    List<ToolCall> calls = response.toolCalls();
    if (calls.size() == 1) {
      return codec.fromToolCall(calls.getFirst().name(), calls.getFirst().argumentsJson());
    }
    if (calls.size() > 1) {
      throw new ParseException("call one tool at a time; got " + calls.size() + " calls: "
          + calls.stream().map(ToolCall::name).collect(Collectors.joining(", "))
          + ". Call the first of them on its own.");
    }
    return codec.parse(response.text());
  }

  /**
   * Asks the model for its next turn, which may call several tools at once, and reads every call
   * with the union's codec: native tool calls, or a JSON array of steps in the text.
   *
   * @param <S> the union of steps
   * @param messages the messages, with template variables expanded
   * @param codec the union's codec
   * @return the steps, at least one, in the order the model made them
   * @throws ParseException if any of them is not a valid step; none is returned then
   */
  public <S> List<S> nextSteps(List<ChatMessage> messages, StepCodec<S> codec) {
    LlmResponse response = ask(messages, codec, codec.stepsSchema(), "next_steps");
    if (!response.toolCalls().isEmpty()) {
      return ToolCall.readAll(response.toolCalls(), codec::fromToolCall);
    }
    return codec.parseSteps(response.text());
  }

  private LlmResponse ask(List<ChatMessage> messages, StepCodec<?> codec, String schema,
      String name) {
    LlmRequest request = switch (mode) {
      case TOOLS -> LlmRequest.tools(messages,
          ToolSet.rendered(codec.openAiTools(), codec.anthropicTools()));
      case JSON_SCHEMA -> LlmRequest.jsonSchema(messages, new ResponseSchema(name, schema));
      case TEXT -> LlmRequest.text(messages);
    };
    if (mode == OutputMode.TOOLS && parallelToolCalls.isPresent()) {
      request = request.withParallelToolCalls(parallelToolCalls.get());
    }
    LlmResponse response = client.complete(request);
    if (response.isRefusal()) {
      throw new ParseException("the model refused: " + response.refusal());
    }
    return response;
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
