package dev.toolcase.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.toolcase.json.Json;
import dev.toolcase.llm.StubServer.Reply;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class OpenAiClientTest {

  private static final String OPENAI_TOOLS =
      """
      [{"type":"function","function":{"name":"multiply","description":"Multiply two numbers",\
      "parameters":{"type":"object","properties":{"a":{"type":"number"},"b":{"type":"number"}},\
      "required":["a","b"],"additionalProperties":false},"strict":true}},\
      {"type":"function","function":{"name":"add","description":"Add two numbers",\
      "parameters":{"type":"object","properties":{"a":{"type":"number"},"b":{"type":"number"}},\
      "required":["a","b"],"additionalProperties":false},"strict":true}}]""";
  private static final String ANTHROPIC_TOOLS =
      """
      [{"name":"multiply","description":"Multiply two numbers","input_schema":{"type":"object"}},\
      {"name":"add","description":"Add two numbers","input_schema":{"type":"object"}}]""";
  private static final ToolSet TOOLS = ToolSet.rendered(OPENAI_TOOLS, ANTHROPIC_TOOLS);

  private static final LlmRequest ASK = LlmRequest.text(List.of(ChatMessage.user("x")));

  private final StubServer server = new StubServer();
  private final RecordingSleeper sleeper = new RecordingSleeper();

  @AfterEach
  void stop() {
    server.close();
  }

  private OpenAiClient.Builder client() {
    return OpenAiClient.builder()
        .baseUrl(server.url() + "/v1")
        .apiKey("sk-test")
        .model("gpt-4.1")
        .sleeper(sleeper)
        .random(Fixtures.half())
        .timeout(Duration.ofSeconds(5));
  }

  @Test
  void textAnswerSendsModelMessagesLimitsAndBearerToken() {
    server.reply(Reply.json(200, Fixtures.read("openai/text.json")));
    LlmClient client = client().header("OpenAI-Organization", "org-abc").build();

    LlmResponse response =
        client.complete(
            LlmRequest.text(List.of(ChatMessage.system("Be brief."), ChatMessage.user("3*4?")))
                .withMaxTokens(200)
                .withTemperature(0.2));

    assertThat(response.text()).isEqualTo("3 times 4 is 12.");
    assertThat(response.toolCalls()).isEmpty();
    assertThat(response.refusal()).isNull();
    assertThat(response.finishReason()).isEqualTo(FinishReason.STOP);
    assertThat(response.rawFinishReason()).isEqualTo("stop");
    assertThat(response.usage()).isEqualTo(new Usage(19, 10));
    assertThat(response.rawBody()).isEqualTo(Fixtures.read("openai/text.json"));

    StubServer.Received request = server.received().get(0);
    assertThat(request.method()).isEqualTo("POST");
    assertThat(request.path()).isEqualTo("/v1/chat/completions");
    assertThat(request.header("Authorization")).isEqualTo("Bearer sk-test");
    assertThat(request.header("Content-Type")).isEqualTo("application/json");
    assertThat(request.header("OpenAI-Organization")).isEqualTo("org-abc");
    assertThat(request.json())
        .isEqualTo(Json.readTree("""
            {"model": "gpt-4.1",
             "messages": [{"role": "system", "content": "Be brief."},
                          {"role": "user", "content": "3*4?"}],
             "max_completion_tokens": 200,
             "temperature": 0.2}"""));
  }

  @Test
  void toolModeSendsTheRenderedToolsAndRequiresACallAndReadsSeveralCalls() {
    server.reply(Reply.json(200, Fixtures.read("openai/tool_calls.json")));
    List<ChatMessage> history =
        List.of(
            ChatMessage.user("multiply 3 and 4"),
            ChatMessage.assistant(
                null, List.of(new ToolCall("call_1", "multiply", "{\"a\":3,\"b\":4}"))),
            ChatMessage.toolResult("call_1", "12"));

    LlmResponse response = client().build().complete(LlmRequest.tools(history, TOOLS));

    assertThat(response.toolCalls())
        .containsExactly(
            new ToolCall(
                "call_Wb7qKOEl4Hq0TvNvY7o0Ulc8", "multiply", "{\"intent\":\"multiply\",\"a\":3,\"b\":4}"),
            new ToolCall("call_3sIukMDlm4lqyFkRc3Jx8nwq", "add", "{\"intent\":\"add\",\"a\":6,\"b\":12}"));
    assertThat(response.text()).isNull();
    assertThat(response.finishReason()).isEqualTo(FinishReason.TOOL_CALLS);
    assertThat(response.usage()).isEqualTo(new Usage(312, 57));

    assertThat(server.received().get(0).json())
        .isEqualTo(Json.readTree("""
            {"model": "gpt-4.1",
             "messages": [
               {"role": "user", "content": "multiply 3 and 4"},
               {"role": "assistant", "content": null,
                "tool_calls": [{"id": "call_1", "type": "function",
                                "function": {"name": "multiply", "arguments": "{\\"a\\":3,\\"b\\":4}"}}]},
               {"role": "tool", "content": "12", "tool_call_id": "call_1"}],
             "tools": %s,
             "tool_choice": "required"}""".formatted(OPENAI_TOOLS)));
  }

  @Test
  void jsonSchemaModeSendsAStrictResponseFormat() {
    server.reply(Reply.json(200, Fixtures.read("openai/text.json")));
    String schema =
        """
        {"type":"object","properties":{"answer":{"type":"string"}},"required":["answer"],\
        "additionalProperties":false}""";

    client().build().complete(
        LlmRequest.jsonSchema(
            List.of(ChatMessage.user("answer")), new ResponseSchema("next_step", schema)));

    assertThat(server.received().get(0).json().path("response_format"))
        .isEqualTo(Json.readTree("""
            {"type": "json_schema",
             "json_schema": {"name": "next_step", "schema": %s, "strict": true}}"""
            .formatted(schema)));
    assertThat(server.received().get(0).json().has("tool_choice")).isFalse();
    assertThat(server.received().get(0).json().has("tools")).isFalse();
  }

  @Test
  void moreThan128ToolsAreRefusedBeforeSending() {
    List<ToolDefinition> tools = new java.util.ArrayList<>();
    for (int i = 0; i < 129; i++) {
      tools.add(new ToolDefinition("tool_" + i, "tool " + i,
          "{\"type\":\"object\",\"properties\":{},\"required\":[],\"additionalProperties\":false}", true));
    }
    LlmRequest request = LlmRequest.tools(List.of(ChatMessage.user("x")), ToolSet.of(tools));
    LlmException e = catchThrowableOfType(LlmException.class, () -> client().build().complete(request));
    assertThat(e.errorType()).isEqualTo("refused_before_sending");
    assertThat(e.attempts()).isZero();
    assertThat(e.getMessage()).contains("129 tools, but OpenAI accepts at most 128 functions");
    assertThat(server.received()).as("nothing sent").isEmpty();

    server.reply(Reply.json(200, Fixtures.read("openai/text.json")));
    client().build().complete(LlmRequest.tools(List.of(ChatMessage.user("x")),
        ToolSet.of(tools.subList(0, 128))));
    assertThat(server.received()).as("128 are sent").hasSize(1);
  }

  @Test
  void aResponseSchemaOverTheStrictLimitsIsRefusedBeforeSending() {
    StringBuilder values = new StringBuilder();
    for (int i = 0; i < 1001; i++) {
      values.append(i == 0 ? "" : ",").append('"').append("v").append(i).append('"');
    }
    String schema = "{\"type\":\"object\",\"properties\":{\"pick\":{\"type\":\"string\",\"enum\":["
        + values + "]}},\"required\":[\"pick\"],\"additionalProperties\":false}";
    LlmRequest request = LlmRequest.jsonSchema(List.of(ChatMessage.user("x")),
        new ResponseSchema("next_step", schema));
    LlmException e = catchThrowableOfType(LlmException.class, () -> client().build().complete(request));
    assertThat(e.getMessage()).contains(
        "the response schema next_step has 1001 enum values (at most 1000)");
    assertThat(server.received()).isEmpty();
  }

  @Test
  void readsARefusal() {
    server.reply(Reply.json(200, Fixtures.read("openai/refusal.json")));

    LlmResponse response = client().build().complete(ASK);

    assertThat(response.isRefusal()).isTrue();
    assertThat(response.refusal()).isEqualTo("I'm sorry, I cannot assist with that request.");
    assertThat(response.text()).isNull();
    assertThat(response.usage()).isEqualTo(new Usage(81, 11));
  }

  @Test
  void badRequestFailsAtOnceWithTheProvidersMessage() {
    server.reply(Reply.json(400, Fixtures.read("openai/error_400.json")));

    LlmException e = catchThrowableOfType(LlmException.class,
        () -> client().build().complete(LlmRequest.tools(List.of(ChatMessage.user("x")), TOOLS)));

    assertThat(e.statusCode()).isEqualTo(400);
    assertThat(e.errorType()).isEqualTo("invalid_request_error");
    assertThat(e.providerMessage()).startsWith("Invalid schema for function 'multiply'");
    assertThat(e.retryable()).isFalse();
    assertThat(e.attempts()).isEqualTo(1);
    assertThat(e.getMessage())
        .contains("/v1/chat/completions", "400", "'additionalProperties' is required");
    assertThat(server.received()).hasSize(1);
    assertThat(sleeper.waits()).isEmpty();
  }

  @Test
  void unauthorizedFailsAtOnceWithTheProvidersMessage() {
    server.reply(Reply.json(401, Fixtures.read("openai/error_401.json")));

    assertThatThrownBy(() -> client().apiKey("sk-bad").build()
            .complete(ASK))
        .isInstanceOfSatisfying(LlmException.class, e -> {
          assertThat(e.statusCode()).isEqualTo(401);
          assertThat(e.providerMessage()).startsWith("Incorrect API key provided: sk-bad.");
          assertThat(e.retryable()).isFalse();
        });
    assertThat(server.received()).hasSize(1);
    assertThat(server.received().get(0).header("Authorization")).isEqualTo("Bearer sk-bad");
  }

  @Test
  void rateLimitWaitsAsLongAsRetryAfterSaysThenSucceeds() {
    server.reply(
        Reply.json(429, Fixtures.read("openai/error_429.json")).withHeader("Retry-After", "2"),
        Reply.json(200, Fixtures.read("openai/text.json")));

    LlmResponse response =
        client().build().complete(ASK);

    assertThat(response.text()).isEqualTo("3 times 4 is 12.");
    assertThat(sleeper.waits()).containsExactly(Duration.ofSeconds(2));
    assertThat(server.received()).hasSize(2);
    assertThat(server.received().get(1).body()).isEqualTo(server.received().get(0).body());
  }

  @Test
  void retryAfterAsAnHttpDateIsMeasuredAgainstTheClock() {
    Instant now = Instant.parse("2026-11-25T10:00:00Z");
    String in7Seconds =
        DateTimeFormatter.RFC_1123_DATE_TIME.format(now.plusSeconds(7).atOffset(ZoneOffset.UTC));
    server.reply(
        Reply.json(429, Fixtures.read("openai/error_429.json")).withHeader("Retry-After", in7Seconds),
        Reply.json(200, Fixtures.read("openai/text.json")));

    client().clock(Clock.fixed(now, ZoneOffset.UTC)).build()
        .complete(ASK);

    assertThat(sleeper.waits()).containsExactly(Duration.ofSeconds(7));
  }

  @Test
  void aRetryAfterLongerThanTheCapWaitsOnlyTheCap() {
    server.reply(
        Reply.json(429, Fixtures.read("openai/error_429.json")).withHeader("Retry-After", "3600"),
        Reply.json(200, Fixtures.read("openai/text.json")));

    client().build().complete(ASK);

    assertThat(sleeper.waits()).containsExactly(RetryPolicy.DEFAULT.maxRetryAfter());
  }

  @Test
  void serverErrorIsRetriedWithJitteredBackoff() {
    server.reply(
        Reply.json(500, Fixtures.read("openai/error_500.json")),
        Reply.json(200, Fixtures.read("openai/text.json")));

    LlmResponse response =
        client().build().complete(ASK);

    assertThat(response.text()).isEqualTo("3 times 4 is 12.");
    // Full jitter with the draw at 0.5 waits half the 500 ms ceiling.
    assertThat(sleeper.waits()).containsExactly(Duration.ofMillis(250));
    assertThat(server.received()).hasSize(2);
  }

  @Test
  void serverErrorsExhaustTheRetriesWithDoublingBackoff() {
    String error = Fixtures.read("openai/error_500.json");
    server.reply(Reply.json(500, error), Reply.json(502, error), Reply.json(503, error));

    LlmException e = catchThrowableOfType(LlmException.class,
        () -> client().maxRetries(2).build().complete(ASK));

    assertThat(e.statusCode()).isEqualTo(503);
    assertThat(e.errorType()).isEqualTo("server_error");
    assertThat(e.retryable()).isTrue();
    assertThat(e.attempts()).isEqualTo(3);
    assertThat(e.getMessage()).contains("3 attempts", "The server had an error");
    assertThat(sleeper.waits()).containsExactly(Duration.ofMillis(250), Duration.ofMillis(500));
    assertThat(server.received()).hasSize(3);
  }

  @Test
  void aSlowResponseTimesOutAndTheRetrySucceeds() {
    server.reply(
        Reply.json(200, Fixtures.read("openai/text.json")).delayedBy(Duration.ofSeconds(3)),
        Reply.json(200, Fixtures.read("openai/text.json")));

    LlmResponse response = client().timeout(Duration.ofMillis(300)).maxRetries(1).build()
        .complete(ASK);

    assertThat(response.text()).isEqualTo("3 times 4 is 12.");
    assertThat(server.received()).hasSize(2);
    assertThat(sleeper.waits()).hasSize(1);
  }

  @Test
  void slowResponsesExhaustTheAttempts() {
    String body = Fixtures.read("openai/text.json");
    server.reply(
        Reply.json(200, body).delayedBy(Duration.ofSeconds(3)),
        Reply.json(200, body).delayedBy(Duration.ofSeconds(3)));

    LlmException e = catchThrowableOfType(LlmException.class,
        () -> client().timeout(Duration.ofMillis(300)).maxRetries(1).build()
            .complete(ASK));

    assertThat(e.errorType()).isEqualTo("timeout");
    assertThat(e.statusCode()).isEqualTo(LlmException.NO_STATUS);
    assertThat(e.retryable()).isTrue();
    assertThat(e.attempts()).isEqualTo(2);
    assertThat(e.getMessage()).contains("no response within PT0.3S", "2 attempts");
  }

  @Test
  void aBodyThatStallsPastTheTimeoutTimesOut() {
    String body = Fixtures.read("openai/text.json");
    server.reply(Reply.json(200, body).stalledMidBodyFor(Duration.ofSeconds(3)));

    LlmException e = catchThrowableOfType(LlmException.class,
        () -> client().timeout(Duration.ofMillis(300)).maxRetries(0).build().complete(ASK));

    assertThat(e.errorType()).isEqualTo("timeout");
    assertThat(e.attempts()).isEqualTo(1);
  }

  @Test
  void aConnectionCutMidBodyIsAnIoErrorAndIsRetried() {
    String body = Fixtures.read("openai/text.json");
    server.reply(
        Reply.json(200, body.substring(0, 100)).cutShortBy(body.length() - 100),
        Reply.json(200, body));

    LlmResponse response = client().maxRetries(1).build()
        .complete(ASK);

    assertThat(response.text()).isEqualTo("3 times 4 is 12.");
    assertThat(server.received()).hasSize(2);
  }

  @Test
  void aConnectionCutMidBodyFailsClearlyWithoutRetries() {
    String body = Fixtures.read("openai/text.json");
    server.reply(Reply.json(200, body.substring(0, 100)).cutShortBy(body.length() - 100));

    LlmException e = catchThrowableOfType(LlmException.class,
        () -> client().maxRetries(0).build().complete(ASK));

    assertThat(e.errorType()).isEqualTo("io_error");
    assertThat(e.attempts()).isEqualTo(1);
    assertThat(e.getCause()).isInstanceOf(java.io.IOException.class);
  }

  @Test
  void aRefusedConnectionSaysSoInsteadOfNull() throws Exception {
    int closedPort;
    try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    LlmException e = catchThrowableOfType(LlmException.class,
        () -> client().baseUrl("http://127.0.0.1:" + closedPort + "/v1").maxRetries(0).build()
            .complete(ASK));

    assertThat(e.errorType()).isEqualTo("io_error");
    assertThat(e.getMessage()).contains("connection refused").doesNotContain("null");
  }

  @Test
  void aTruncatedJsonBodyIsAMalformedResponse() {
    String body = Fixtures.read("openai/text.json");
    server.reply(Reply.json(200, body.substring(0, body.indexOf("\"usage\""))));

    LlmException e = catchThrowableOfType(LlmException.class,
        () -> client().build().complete(ASK));

    assertThat(e.errorType()).isEqualTo("malformed_response");
    assertThat(e.statusCode()).isEqualTo(200);
    assertThat(e.retryable()).isFalse();
    assertThat(e.getMessage()).contains("returned 200 with a malformed body", "not JSON");
    assertThat(server.received()).hasSize(1);
  }

  @Test
  void aSuccessStatusWithAnErrorBodyQuotesTheError() {
    server.reply(Reply.json(200, "{\"error\": {\"message\": \"model 'llama9' not found\"}}"));

    assertThatThrownBy(() -> client().build().complete(ASK))
        .isInstanceOf(LlmException.class)
        .hasMessageContaining("model 'llama9' not found");
  }

  @Test
  void aCompatibleServerNeedsNoApiKey() {
    server.reply(Reply.json(200, Fixtures.read("openai/text.json")));
    OpenAiClient client = OpenAiClient.builder()
        .baseUrl(server.url() + "/v1/")
        .model("llama3.2")
        .maxTokensField("max_tokens")
        .sleeper(sleeper)
        .build();

    client.complete(ASK.withMaxTokens(50));

    StubServer.Received request = server.received().get(0);
    assertThat(request.path()).isEqualTo("/v1/chat/completions");
    assertThat(request.header("Authorization")).isNull();
    assertThat(request.json().path("max_tokens").asInt()).isEqualTo(50);
    assertThat(request.json().has("max_completion_tokens")).isFalse();
  }
}
