package dev.toolcase.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.toolcase.json.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScriptedLlmClientTest {

  private static final LlmRequest FIRST = LlmRequest.text(List.of(ChatMessage.user("first")));
  private static final LlmRequest SECOND = LlmRequest.text(List.of(ChatMessage.user("second")));

  @Test
  void replaysAJsonArrayFromTheClasspathInOrderAndRecordsRequests() {
    ScriptedLlmClient client = ScriptedLlmClient.fromResource(
        getClass().getClassLoader(), "dev/toolcase/llm/scripts/calculator.json");

    LlmResponse first = client.complete(FIRST);
    LlmResponse second = client.complete(SECOND);

    assertThat(first.toolCalls()).extracting(ToolCall::name).containsExactly("multiply", "add");
    assertThat(first.usage()).isEqualTo(new Usage(312, 57));
    assertThat(second.text()).isEqualTo("3 times 4 is 12.");
    assertThat(Json.readTree(second.rawBody()))
        .isEqualTo(Json.readTree(Fixtures.read("openai/text.json")));
    assertThat(client.requests()).containsExactly(FIRST, SECOND);
    assertThat(client.remaining()).isZero();
  }

  @Test
  void saysWhenTheScriptIsExhausted() {
    ScriptedLlmClient client =
        ScriptedLlmClient.of(List.of(Fixtures.read("openai/text.json")));
    client.complete(FIRST);

    assertThatThrownBy(() -> client.complete(SECOND))
        .isInstanceOfSatisfying(LlmException.class, e -> {
          assertThat(e.getMessage()).startsWith("script exhausted after 1 responses");
          assertThat(e.errorType()).isEqualTo("script_exhausted");
          assertThat(e.retryable()).isFalse();
        });
    assertThat(client.requests()).containsExactly(FIRST, SECOND);
  }

  @Test
  void replaysJsonLinesFromAPath(@TempDir Path dir) throws Exception {
    Path script = dir.resolve("script.jsonl");
    Files.writeString(script,
        Json.write(Json.readTree(Fixtures.read("openai/refusal.json"))) + "\n\n"
            + Json.write(Json.readTree(Fixtures.read("openai/text.json"))) + "\n");
    ScriptedLlmClient client = ScriptedLlmClient.fromPath(script);

    assertThat(client.complete(FIRST).refusal())
        .isEqualTo("I'm sorry, I cannot assist with that request.");
    assertThat(client.complete(SECOND).text()).isEqualTo("3 times 4 is 12.");
  }

  @Test
  void aRecordingThatIsNotAChatCompletionFailsAtLoad() {
    assertThatThrownBy(() -> ScriptedLlmClient.ofScript(
            "[" + Fixtures.read("openai/text.json") + ", {\"choices\": []}]"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("scripted response #2")
        .hasMessageContaining("choices[0].message");
    assertThatThrownBy(() -> ScriptedLlmClient.ofScript("[{\"choices\": "))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not JSON");
  }

  @Test
  void aMissingResourceIsNamed() {
    assertThatThrownBy(() -> ScriptedLlmClient.fromResource(getClass().getClassLoader(), "nope.json"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("nope.json");
  }
}
