package dev.toolcase.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.toolcase.json.Json;
import dev.toolcase.llm.StubServer.Reply;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class AnthropicClientTest {

  private static final String ANTHROPIC_TOOLS =
      """
      [{"name":"multiply","description":"Multiply two numbers","input_schema":{"type":"object",\
      "properties":{"a":{"type":"number"},"b":{"type":"number"}},"required":["a","b"]}},\
      {"name":"add","description":"Add two numbers","input_schema":{"type":"object",\
      "properties":{"a":{"type":"number"},"b":{"type":"number"}},"required":["a","b"]}}]""";
  private static final ToolSet TOOLS =
      ToolSet.rendered(
          """
          [{"type":"function","function":{"name":"multiply"}},\
          {"type":"function","function":{"name":"add"}}]""",
          ANTHROPIC_TOOLS);

  private static final LlmRequest ASK = LlmRequest.text(List.of(ChatMessage.user("x")));

  private final StubServer server = new StubServer();
  private final RecordingSleeper sleeper = new RecordingSleeper();

  @AfterEach
  void stop() {
    server.close();
  }

  private AnthropicClient.Builder client() {
    return AnthropicClient.builder()
        .baseUrl(server.url())
        .apiKey("sk-ant-test")
        .model("claude-sonnet-4-20250514")
        .sleeper(sleeper)
        .random(Fixtures.half())
        .timeout(Duration.ofSeconds(5));
  }

  @Test
  void textAnswerSendsSystemApartWithKeyVersionAndDefaultMaxTokens() {
    server.reply(Reply.json(200, Fixtures.read("anthropic/text.json")));

    LlmResponse response = client().build().complete(
        LlmRequest.text(List.of(
            ChatMessage.system("Be brief."), ChatMessage.user("3*4?"),
            ChatMessage.system("Answer in English."))));

    assertThat(response.text()).isEqualTo("3 times 4 is 12.");
    assertThat(response.finishReason()).isEqualTo(FinishReason.STOP);
    assertThat(response.rawFinishReason()).isEqualTo("end_turn");
    assertThat(response.usage()).isEqualTo(new Usage(2095, 503));

    StubServer.Received request = server.received().get(0);
    assertThat(request.path()).isEqualTo("/v1/messages");
    assertThat(request.header("x-api-key")).isEqualTo("sk-ant-test");
    assertThat(request.header("anthropic-version")).isEqualTo("2023-06-01");
    assertThat(request.header("Authorization")).isNull();
    assertThat(request.json())
        .isEqualTo(Json.readTree("""
            {"model": "claude-sonnet-4-20250514",
             "max_tokens": 1024,
             "system": "Be brief.\\n\\nAnswer in English.",
             "messages": [{"role": "user", "content": [{"type": "text", "text": "3*4?"}]}]}"""));
  }

  @Test
  void toolModeSendsToolsWithAnyChoiceAndToolHistoryAsBlocks() {
    server.reply(Reply.json(200, Fixtures.read("anthropic/tool_use.json")));
    List<ChatMessage> history = List.of(
        ChatMessage.user("multiply 3 and 4, and 5 and 6"),
        ChatMessage.assistant("Two products.", List.of(
            new ToolCall("toolu_1", "multiply", "{\"a\":3,\"b\":4}"),
            new ToolCall("toolu_2", "multiply", "{\"a\":5,\"b\":6}"))),
        ChatMessage.toolResult("toolu_1", "12"),
        ChatMessage.toolResult("toolu_2", "30"),
        ChatMessage.user("now add them"));

    LlmResponse response = client().build().complete(
        LlmRequest.tools(history, TOOLS).withMaxTokens(300).withTemperature(0.5));

    assertThat(response.text()).isEqualTo("I'll multiply first, then add.");
    assertThat(response.toolCalls()).containsExactly(
        new ToolCall("toolu_01A09q90qw90lq917835lq9", "multiply", "{\"intent\":\"multiply\",\"a\":3,\"b\":4}"),
        new ToolCall("toolu_01T1x1fJ34qAmk2tNTrN7Up6", "add", "{\"intent\":\"add\",\"a\":6,\"b\":12}"));
    assertThat(response.finishReason()).isEqualTo(FinishReason.TOOL_CALLS);
    assertThat(response.rawFinishReason()).isEqualTo("tool_use");
    assertThat(response.usage()).isEqualTo(new Usage(572, 91));

    assertThat(server.received().get(0).json())
        .isEqualTo(Json.readTree("""
            {"model": "claude-sonnet-4-20250514",
             "max_tokens": 300,
             "messages": [
               {"role": "user", "content": [{"type": "text", "text": "multiply 3 and 4, and 5 and 6"}]},
               {"role": "assistant", "content": [
                 {"type": "text", "text": "Two products."},
                 {"type": "tool_use", "id": "toolu_1", "name": "multiply", "input": {"a": 3, "b": 4}},
                 {"type": "tool_use", "id": "toolu_2", "name": "multiply", "input": {"a": 5, "b": 6}}]},
               {"role": "user", "content": [
                 {"type": "tool_result", "tool_use_id": "toolu_1", "content": "12"},
                 {"type": "tool_result", "tool_use_id": "toolu_2", "content": "30"},
                 {"type": "text", "text": "now add them"}]}],
             "tools": %s,
             "tool_choice": {"type": "any"},
             "temperature": 0.5}""".formatted(ANTHROPIC_TOOLS)));
  }

  @Test
  void malformedArgumentsInTheHistoryAreWrappedNotFatal() {
    server.reply(Reply.json(200, Fixtures.read("anthropic/text.json")));
    List<ChatMessage> history = List.of(
        ChatMessage.user("go"),
        ChatMessage.assistant(null, List.of(new ToolCall("toolu_1", "multiply", "{\"a\":3,"))),
        ChatMessage.toolResult("toolu_1", "error: arguments are not JSON"));

    client().build().complete(LlmRequest.text(history));

    assertThat(server.received().get(0).json().path("messages").path(1).path("content").path(0)
            .path("input"))
        .isEqualTo(Json.readTree("{\"invalid_arguments\": \"{\\\"a\\\":3,\"}"));
  }

  @Test
  void jsonSchemaModePutsTheSchemaIntoTheSystemPrompt() {
    server.reply(Reply.json(200, Fixtures.read("anthropic/text.json")));
    String schema = "{\"type\":\"object\",\"properties\":{\"answer\":{\"type\":\"string\"}}}";

    client().build().complete(LlmRequest.jsonSchema(
        List.of(ChatMessage.system("Be brief."), ChatMessage.user("3*4?")),
        new ResponseSchema("next_step", schema)));

    var body = server.received().get(0).json();
    assertThat(body.path("system").stringValue())
        .isEqualTo("Be brief.\n\n" + AnthropicRequestWriter.JSON_INSTRUCTION + schema);
    assertThat(body.has("tool_choice")).isFalse();
    assertThat(body.has("response_format")).isFalse();
  }

  @Test
  void readsARefusal() {
    server.reply(Reply.json(200, Fixtures.read("anthropic/refusal.json")));

    LlmResponse response = client().build().complete(ASK);

    assertThat(response.refusal()).isEqualTo("I can't help with that.");
    assertThat(response.text()).isNull();
    assertThat(response.finishReason()).isEqualTo(FinishReason.CONTENT_FILTER);
    assertThat(response.rawFinishReason()).isEqualTo("refusal");
  }

  @Test
  void overloadedIsRetriedThenSucceeds() {
    server.reply(
        Reply.json(529, Fixtures.read("anthropic/error_529.json")),
        Reply.json(200, Fixtures.read("anthropic/text.json")));

    LlmResponse response = client().build().complete(ASK);

    assertThat(response.text()).isEqualTo("3 times 4 is 12.");
    assertThat(sleeper.waits()).containsExactly(Duration.ofMillis(250));
    assertThat(server.received()).hasSize(2);
  }

  @Test
  void overloadedUntilTheRetriesRunOut() {
    String overloaded = Fixtures.read("anthropic/error_529.json");
    server.reply(Reply.json(529, overloaded), Reply.json(529, overloaded));

    LlmException e = catchThrowableOfType(LlmException.class,
        () -> client().maxRetries(1).build().complete(ASK));

    assertThat(e.statusCode()).isEqualTo(529);
    assertThat(e.errorType()).isEqualTo("overloaded_error");
    assertThat(e.providerMessage()).isEqualTo("Overloaded");
    assertThat(e.attempts()).isEqualTo(2);
  }

  @Test
  void rateLimitHonoursRetryAfter() {
    server.reply(
        Reply.json(429, "{\"type\":\"error\",\"error\":{\"type\":\"rate_limit_error\","
            + "\"message\":\"Number of request tokens has exceeded your per-minute rate limit\"}}")
            .withHeader("retry-after", "13"),
        Reply.json(200, Fixtures.read("anthropic/text.json")));

    client().build().complete(ASK);

    assertThat(sleeper.waits()).containsExactly(Duration.ofSeconds(13));
    assertThat(server.received()).hasSize(2);
  }

  @Test
  void unauthorizedSurfacesTheProvidersMessage() {
    server.reply(Reply.json(401, Fixtures.read("anthropic/error_401.json")));

    assertThatThrownBy(() -> client().build().complete(ASK))
        .isInstanceOfSatisfying(LlmException.class, e -> {
          assertThat(e.statusCode()).isEqualTo(401);
          assertThat(e.errorType()).isEqualTo("authentication_error");
          assertThat(e.providerMessage()).isEqualTo("invalid x-api-key");
          assertThat(e.getMessage()).contains("401 authentication_error: invalid x-api-key");
          assertThat(e.retryable()).isFalse();
        });
    assertThat(server.received()).hasSize(1);
  }

  @Test
  void badRequestSurfacesTheProvidersMessage() {
    server.reply(Reply.json(400, Fixtures.read("anthropic/error_400.json")));

    LlmException e = catchThrowableOfType(LlmException.class,
        () -> client().build().complete(ASK));

    assertThat(e.statusCode()).isEqualTo(400);
    assertThat(e.errorType()).isEqualTo("invalid_request_error");
    assertThat(e.providerMessage()).contains("unexpected `tool_use_id` found in `tool_result`");
    assertThat(sleeper.waits()).isEmpty();
  }

  @Test
  void aSlowResponseTimesOutAndTheRetrySucceeds() {
    String body = Fixtures.read("anthropic/text.json");
    server.reply(Reply.json(200, body).delayedBy(Duration.ofSeconds(3)), Reply.json(200, body));

    LlmResponse response = client().timeout(Duration.ofMillis(300)).build()
        .complete(ASK);

    assertThat(response.text()).isEqualTo("3 times 4 is 12.");
    assertThat(server.received()).hasSize(2);
  }

  @Test
  void aTruncatedBodyIsAMalformedResponse() {
    String body = Fixtures.read("anthropic/tool_use.json");
    server.reply(Reply.json(200, body.substring(0, body.length() / 2)));

    assertThatThrownBy(() -> client().build().complete(ASK))
        .isInstanceOfSatisfying(LlmException.class, e -> {
          assertThat(e.errorType()).isEqualTo("malformed_response");
          assertThat(e.getMessage()).contains("/v1/messages returned 200 with a malformed body");
        });
  }

  @Test
  void anApiKeyAndModelAreRequired() {
    assertThatThrownBy(() -> AnthropicClient.builder().model("m").build())
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("apiKey");
    assertThatThrownBy(() -> AnthropicClient.builder().apiKey("k").build())
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("model");
  }
}
