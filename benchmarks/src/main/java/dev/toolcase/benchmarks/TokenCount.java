package dev.toolcase.benchmarks;

import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.Encoding;
import com.knuddels.jtokkit.api.EncodingType;
import dev.toolcase.Agent;
import dev.toolcase.AgentLoop;
import dev.toolcase.AgentThread;
import dev.toolcase.PendingCall;
import dev.toolcase.codec.StepCodec;
import dev.toolcase.context.ContextRenderer;
import dev.toolcase.example.Agents;
import dev.toolcase.example.calculator.CalculatorNextStep;
import dev.toolcase.example.calculator.CalculatorTools;
import dev.toolcase.example.deploy.DeployBotNextStep;
import dev.toolcase.example.deploy.DeployBotTools;
import dev.toolcase.example.deploy.DeployTargets;
import dev.toolcase.json.Json;
import dev.toolcase.llm.ChatMessage;
import dev.toolcase.llm.LlmRequest;
import dev.toolcase.llm.OpenAiClient;
import dev.toolcase.llm.ScriptedLlmClient;
import dev.toolcase.llm.ToolCall;
import dev.toolcase.prompt.PromptRunner;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Tokens of the same threads in the default tagged format and in the chat-messages format, two
 * ways: as sent (the JSON of the request's {@code messages}, written by {@link OpenAiClient}) and
 * as content (what the model reads: each message's role and text, each tool call's id, name and
 * arguments, each tool result's call id, plus the framing OpenAI's cookbook counts: three tokens
 * per message and three to prime the reply). Counted with jtokkit's
 * {@code o200k_base} (GPT-4o, GPT-4.1) and {@code cl100k_base} (GPT-4, GPT-3.5).
 *
 * <pre>java -cp benchmarks/target/toolcase-benchmarks.jar dev.toolcase.benchmarks.TokenCount</pre>
 */
public final class TokenCount {

  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-24T10:00:00Z"),
      ZoneOffset.UTC);
  private static final OpenAiClient WRITER = OpenAiClient.builder().apiKey("unused")
      .model("gpt-4.1").build();

  private TokenCount() {}

  /** One thread rendered both ways and counted with one encoding. */
  public record Row(String thread, String encoding, int taggedSent, int chatSent,
      int taggedContent, int chatContent) {

    /** How much smaller the tagged format is as sent: 0.3 is 30% smaller. */
    public double savedAsSent() {
      return 1.0 - (double) taggedSent / chatSent;
    }

    /** How much smaller the tagged format is as content; negative when it is larger. */
    public double savedAsContent() {
      return 1.0 - (double) taggedContent / chatContent;
    }
  }

  /** Prints the table in markdown. */
  public static void main(String[] args) {
    System.out.println("| thread | encoding | tagged as sent | chat as sent | saved | tagged as"
        + " content | chat as content | saved |");
    System.out.println("| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |");
    for (Row row : rows()) {
      System.out.printf(Locale.ROOT, "| %s | %s | %d | %d | %.0f%% | %d | %d | %.0f%% |%n",
          row.thread(), row.encoding(), row.taggedSent(), row.chatSent(),
          100 * row.savedAsSent(), row.taggedContent(), row.chatContent(),
          100 * row.savedAsContent());
    }
  }

  /** Every thread with every encoding. */
  public static List<Row> rows() {
    List<Row> rows = new ArrayList<>();
    for (EncodingType type : List.of(EncodingType.O200K_BASE, EncodingType.CL100K_BASE)) {
      Encoding encoding = Encodings.newDefaultEncodingRegistry().getEncoding(type);
      rows.add(row("calculator", calculator(), CalculatorTools.CODEC, encoding, type));
      rows.add(row("deploybot", deployBot(), DeployBotTools.CODEC, encoding, type));
      rows.add(row("calculator, 30 events", longCalculation(), CalculatorTools.CODEC, encoding,
          type));
    }
    return rows;
  }

  private static Row row(String name, AgentThread thread, StepCodec<?> codec, Encoding encoding,
      EncodingType type) {
    List<ChatMessage> tagged = List.of(ChatMessage.user(ContextRenderer.defaults().text(thread, codec)));
    List<ChatMessage> chat = ContextRenderer.chatMessages().messages(thread, codec);
    return new Row(name, type.getName(), asSent(tagged, encoding), asSent(chat, encoding),
        asContent(tagged, encoding), asContent(chat, encoding));
  }

  /** Tokens of the {@code messages} JSON the OpenAI client sends. */
  static int asSent(List<ChatMessage> messages, Encoding encoding) {
    String body = WRITER.requestBody(LlmRequest.text(messages));
    return encoding.countTokens(Json.write(Json.readTree(body).get("messages")));
  }

  /** Tokens of the strings the model reads, with the cookbook's per-message framing. */
  static int asContent(List<ChatMessage> messages, Encoding encoding) {
    int tokens = 3;
    for (ChatMessage message : messages) {
      tokens += 3 + encoding.countTokens(message.role().name().toLowerCase(Locale.ROOT));
      if (message.content() != null) {
        tokens += encoding.countTokens(message.content());
      }
      if (message.toolCallId() != null) {
        tokens += encoding.countTokens(message.toolCallId());
      }
      for (ToolCall call : message.toolCalls()) {
        tokens += encoding.countTokens(call.id()) + encoding.countTokens(call.name())
            + encoding.countTokens(call.argumentsJson());
      }
    }
    return tokens;
  }

  /** The calculator's recorded scenario, run through the real loop. */
  static AgentThread calculator() {
    Agent<CalculatorNextStep> agent = Agents.calculator(PromptRunner.using(
        recording("recordings/calculator.json")), CLOCK);
    return new AgentLoop<>(agent).run(agent.userInput(AgentThread.empty(),
        "multiply 3 and 4, then divide the result by 2 and then add 12 to that result")).thread();
  }

  /** The deployment bot's recorded scenario: paused for approval, approved, finished. */
  static AgentThread deployBot() {
    Agent<DeployBotNextStep> agent = Agents.deployBot(PromptRunner.using(
        recording("recordings/deploybot.json")), DeployTargets.example(), CLOCK);
    AgentLoop<DeployBotNextStep> loop = new AgentLoop<>(agent);
    AgentThread paused = loop.run(agent.userInput(AgentThread.empty(),
        "deploy the latest backend to production")).thread();
    PendingCall call = agent.pending(paused).orElseThrow();
    return loop.run(agent.decide(paused, call.callId(), true, "go ahead")).thread();
  }

  /** A longer calculator thread of 30 events: fourteen calls and results, then the answer. */
  static AgentThread longCalculation() {
    List<String> responses = new ArrayList<>();
    double value = 1;
    for (int i = 0; i < 14; i++) {
      String tool = i % 2 == 0 ? "add" : "multiply";
      responses.add(toolCall(i, tool, "{\"a\":" + value + ",\"b\":" + (i + 2) + "}"));
      value = i % 2 == 0 ? value + i + 2 : value * (i + 2);
    }
    responses.add(toolCall(14, "done_for_now", "{\"message\":\"The result is " + value + ".\"}"));
    Agent<CalculatorNextStep> agent = Agents.calculator(PromptRunner.using(
        ScriptedLlmClient.of(responses)), CLOCK);
    return new AgentLoop<>(agent, 40).run(agent.userInput(AgentThread.empty(),
        "start from 1 and alternately add and multiply by 2, 3, 4 and so on, fourteen times"))
        .thread();
  }

  private static ScriptedLlmClient recording(String resource) {
    return ScriptedLlmClient.fromResource(TokenCount.class.getClassLoader(), resource);
  }

  /** An OpenAI chat completion calling one tool, shaped as the API documents it. */
  private static String toolCall(int n, String name, String arguments) {
    return "{\"id\":\"chatcmpl-tok" + n + "\",\"object\":\"chat.completion\",\"created\":1764028800,"
        + "\"model\":\"gpt-4.1-2025-04-14\",\"choices\":[{\"index\":0,\"message\":{\"role\":"
        + "\"assistant\",\"content\":null,\"tool_calls\":[{\"id\":\"call_tok" + n + "\",\"type\":"
        + "\"function\",\"function\":{\"name\":\"" + name + "\",\"arguments\":"
        + Json.write(Json.mapper().getNodeFactory().stringNode(arguments)) + "}}],\"refusal\":null},"
        + "\"logprobs\":null,\"finish_reason\":\"tool_calls\"}],\"usage\":{\"prompt_tokens\":100,"
        + "\"completion_tokens\":20,\"total_tokens\":120}}";
  }
}
