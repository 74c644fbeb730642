package dev.toolcase.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.toolcase.json.Json;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The compact constructors of the request model. */
class ModelTest {

  private static final String SCHEMA =
      "{\"type\":\"object\",\"properties\":{\"a\":{\"type\":\"number\"}},\"required\":[\"a\"],"
          + "\"additionalProperties\":false}";

  @Test
  void messagesTakeOnlyThePartsOfTheirRole() {
    assertThatThrownBy(() -> ChatMessage.user(null)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ChatMessage.toolResult(" ", "12"))
        .hasMessageContaining("id of the call");
    assertThatThrownBy(() -> new ChatMessage(ChatMessage.Role.USER, "x",
        List.of(new ToolCall("c", "t", "{}")), null)).hasMessageContaining("only an assistant");
    assertThatThrownBy(() -> ChatMessage.assistant(null, List.of()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(ChatMessage.assistant(null, List.of(new ToolCall("c", "t", "{}"))).content())
        .isNull();
  }

  @Test
  void messageListsAreCopied() {
    List<ChatMessage> messages = new ArrayList<>(List.of(ChatMessage.user("x")));
    LlmRequest request = LlmRequest.text(messages);
    messages.add(ChatMessage.user("y"));

    assertThat(request.messages()).hasSize(1);
    assertThatThrownBy(() -> request.messages().add(ChatMessage.user("z")))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void requestsFitTheirOutputMode() {
    List<ChatMessage> one = List.of(ChatMessage.user("x"));
    assertThatThrownBy(() -> LlmRequest.tools(one, ToolSet.NONE)).hasMessageContaining("TOOLS");
    assertThatThrownBy(() -> LlmRequest.text(List.of())).hasMessageContaining("at least one");
    assertThatThrownBy(() -> LlmRequest.text(one).withMaxTokens(0)).hasMessageContaining("maxTokens");
    assertThatThrownBy(() -> LlmRequest.text(one).withTemperature(Double.NaN))
        .hasMessageContaining("temperature");
    assertThatThrownBy(() -> new ResponseSchema("bad name", SCHEMA)).hasMessageContaining("bad name");
    assertThatThrownBy(() -> new ResponseSchema("s", "[]")).hasMessageContaining("not an object");
  }

  @Test
  void toolSetRendersHandWrittenToolsInBothShapes() {
    ToolSet tools = ToolSet.of(List.of(
        new ToolDefinition("multiply", "Multiply two numbers", SCHEMA),
        new ToolDefinition("lookup", "Free-form lookup", "{\"type\":\"object\"}", false)));

    assertThat(Json.readTree(tools.openAiTools())).isEqualTo(Json.readTree("""
        [{"type": "function", "function": {"name": "multiply", "description": "Multiply two numbers",
          "parameters": %s, "strict": true}},
         {"type": "function", "function": {"name": "lookup", "description": "Free-form lookup",
          "parameters": {"type": "object"}, "strict": false}}]""".formatted(SCHEMA)));
    assertThat(Json.readTree(tools.anthropicTools())).isEqualTo(Json.readTree("""
        [{"name": "multiply", "description": "Multiply two numbers", "input_schema": %s},
         {"name": "lookup", "description": "Free-form lookup", "input_schema": {"type": "object"}}]"""
        .formatted(SCHEMA)));
    assertThat(tools.isEmpty()).isFalse();
    assertThat(ToolSet.NONE.isEmpty()).isTrue();
  }

  @Test
  void toolSetsRejectArraysThatDoNotMatch() {
    assertThatThrownBy(() -> ToolSet.rendered("{}", "[]")).hasMessageContaining("JSON array");
    assertThatThrownBy(() -> ToolSet.rendered("[{}]", "[]")).hasMessageContaining("1 tools");
    assertThatThrownBy(() -> ToolSet.rendered("[1]", "[1]")).hasMessageContaining("only objects");
    assertThatThrownBy(() -> new ToolDefinition("multiply", "m", "{"))
        .hasMessageContaining("not JSON");
  }

  @Test
  void finishReasonsAreNormalised() {
    assertThat(FinishReason.of("end_turn")).isEqualTo(FinishReason.STOP);
    assertThat(FinishReason.of("tool_use")).isEqualTo(FinishReason.TOOL_CALLS);
    assertThat(FinishReason.of("max_tokens")).isEqualTo(FinishReason.LENGTH);
    assertThat(FinishReason.of("content_filter")).isEqualTo(FinishReason.CONTENT_FILTER);
    assertThat(FinishReason.of("pause_turn")).isEqualTo(FinishReason.OTHER);
    assertThat(FinishReason.of(null)).isEqualTo(FinishReason.OTHER);
  }
}
