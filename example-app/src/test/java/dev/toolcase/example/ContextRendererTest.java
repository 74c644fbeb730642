package dev.toolcase.example;

import static org.assertj.core.api.Assertions.assertThat;

import dev.toolcase.AgentThread;
import dev.toolcase.Event;
import dev.toolcase.context.ContextRenderer;
import dev.toolcase.example.calculator.Add;
import dev.toolcase.example.calculator.CalculatorTools;
import dev.toolcase.example.calculator.Divide;
import dev.toolcase.example.deploy.DeployBotTools;
import dev.toolcase.json.Json;
import dev.toolcase.llm.ChatMessage;
import dev.toolcase.llm.ToolCall;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The renderer's options: overrides, hidden events, redaction, and resolved errors. */
class ContextRendererTest {

  private static final Instant AT = Instant.parse("2026-11-24T10:00:00Z");

  private static Event event(String type, Object data) {
    return new Event(type, data, AT);
  }

  /** A division that failed, then succeeded: the error is resolved. */
  private static AgentThread resolvedError() {
    return AgentThread.empty()
        .append(event("user_input", "12 / 0, then 12 / 2"))
        .append(event("divide", new Divide(12, 0)))
        .append(event("error", "divide failed: division by zero"))
        .append(event("divide", new Divide(12, 2)))
        .append(event("divide_result", Json.readTree("6.0")));
  }

  @Test
  void resolvedErrorsAndTheirCallsAreDroppedByDefault() {
    assertThat(ContextRenderer.defaults().text(resolvedError(), CalculatorTools.CODEC)).isEqualTo("""
        <user_input>
        12 / 0, then 12 / 2
        </user_input>
        <divide>
        a: 12.0
        b: 2.0
        result: 6.0
        </divide>
        """);
  }

  @Test
  void resolvedErrorsAreKeptOnRequest() {
    assertThat(ContextRenderer.defaults().keepingResolvedErrors()
        .text(resolvedError(), CalculatorTools.CODEC)).isEqualTo("""
        <user_input>
        12 / 0, then 12 / 2
        </user_input>
        <divide>
        a: 12.0
        b: 0.0
        error: "divide failed: division by zero"
        </divide>
        <divide>
        a: 12.0
        b: 2.0
        result: 6.0
        </divide>
        """);
  }

  @Test
  void anUnresolvedErrorStays() {
    AgentThread thread = AgentThread.empty()
        .append(event("user_input", "12 / 0"))
        .append(event("divide", new Divide(12, 0)))
        .append(event("error", "divide failed: division by zero"))
        .append(event("add", new Add(1, 2)))
        .append(event("add_result", Json.readTree("3.0")));

    assertThat(ContextRenderer.defaults().text(thread, CalculatorTools.CODEC))
        .contains("error: \"divide failed: division by zero\"");
  }

  @Test
  void anOverrideRendersItsTypeAndOthersStayAsTheyWere() {
    AgentThread thread = AgentThread.empty()
        .append(event("user_input", "deploy"))
        .append(event("slack_message", Json.readTree("{\"from\":\"@alex\",\"text\":\"ship it\"}")));

    ContextRenderer renderer = ContextRenderer.defaults()
        .withOverride("slack_message", e -> "@alex says: ship it");

    assertThat(renderer.text(thread, DeployBotTools.CODEC)).isEqualTo("""
        <user_input>
        deploy
        </user_input>
        @alex says: ship it
        """);
    assertThat(ContextRenderer.chatMessages().withOverride("slack_message", e -> "@alex says: ship it")
        .messages(thread, DeployBotTools.CODEC))
        .containsExactly(ChatMessage.user("deploy"), ChatMessage.user("@alex says: ship it"));
  }

  @Test
  void hiddenTypesAreLeftOut() {
    AgentThread thread = AgentThread.empty()
        .append(event("user_input", "deploy"))
        .append(event("debug_trace", "internal"));

    assertThat(ContextRenderer.defaults().hiding("debug_trace").text(thread, DeployBotTools.CODEC))
        .isEqualTo("<user_input>\ndeploy\n</user_input>\n");
  }

  @Test
  void redactionRemovesAFieldOfOneTypeOrOfEveryType() {
    AgentThread thread = AgentThread.empty()
        .append(event("webhook", Json.readTree(
            "{\"text\":\"deploy\",\"response_url\":\"https://hooks.example/x\","
                + "\"auth\":{\"token\":\"s3cret\",\"user\":\"alex\"}}")))
        .append(event("audit", Json.readTree("{\"auth\":{\"token\":\"s3cret\"},\"ok\":true}")));

    String oneType = ContextRenderer.defaults().redacting("webhook", "response_url")
        .text(thread, DeployBotTools.CODEC);
    String everyType = ContextRenderer.defaults().redacting("*", "auth.token")
        .text(thread, DeployBotTools.CODEC);

    assertThat(oneType).doesNotContain("response_url").contains("s3cret");
    assertThat(everyType).doesNotContain("s3cret").contains("response_url").contains("user: alex")
        .contains("ok: true");
  }

  @Test
  void theChatFormatPairsEachCallWithItsResult() {
    List<ChatMessage> messages = ContextRenderer.chatMessages().messages(resolvedError(),
        CalculatorTools.CODEC);

    assertThat(messages).containsExactly(
        ChatMessage.user("12 / 0, then 12 / 2"),
        ChatMessage.assistant(null, List.of(new ToolCall("call_3", "divide", "{\"a\":12.0,\"b\":2.0}"))),
        ChatMessage.toolResult("call_3", "6.0"));
  }
}
