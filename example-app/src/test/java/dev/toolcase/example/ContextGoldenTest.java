package dev.toolcase.example;

import static org.assertj.core.api.Assertions.assertThat;

import dev.toolcase.AgentThread;
import dev.toolcase.codec.StepCodec;
import dev.toolcase.context.ContextRenderer;
import dev.toolcase.example.calculator.CalculatorTools;
import dev.toolcase.example.deploy.DeployBotTools;
import dev.toolcase.json.Json;
import dev.toolcase.llm.ChatMessage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The rendered context of both scenarios in both formats, compared with reviewed files under
 * {@code src/test/resources/context}. Run with {@code -Dtoolcase.updateGoldens=true} to rewrite.
 */
class ContextGoldenTest {

  @ParameterizedTest(name = "{0} {1}")
  @CsvSource({"calculator, tagged", "calculator, chat", "deploybot, tagged", "deploybot, chat"})
  void renderedContextMatchesGoldenFile(String scenario, String format) throws IOException {
    AgentThread thread = scenario.equals("calculator") ? Scenarios.calculator() : Scenarios.deployBot();
    StepCodec<?> codec = scenario.equals("calculator") ? CalculatorTools.CODEC : DeployBotTools.CODEC;
    String rendered = format.equals("tagged")
        ? ContextRenderer.defaults().text(thread, codec)
        : chatJson(ContextRenderer.chatMessages(), thread, codec);
    Path golden = Path.of("src/test/resources/context", scenario + "-" + format
        + (format.equals("tagged") ? ".txt" : ".json"));
    if (Boolean.getBoolean("toolcase.updateGoldens")) {
      Files.writeString(golden, rendered);
    }
    assertThat(rendered).isEqualTo(Files.readString(golden));
  }

  /** The messages as the provider-neutral JSON a reviewer can read. */
  static String chatJson(ContextRenderer renderer, AgentThread thread, StepCodec<?> codec) {
    ArrayNode messages = Json.mapper().createArrayNode();
    for (ChatMessage message : renderer.messages(thread, codec)) {
      ObjectNode json = messages.addObject();
      json.put("role", message.role().name().toLowerCase(java.util.Locale.ROOT));
      if (message.content() != null) {
        json.put("content", message.content());
      }
      if (!message.toolCalls().isEmpty()) {
        ArrayNode calls = json.putArray("tool_calls");
        message.toolCalls().forEach(c -> calls.addObject().put("id", c.id()).put("name", c.name())
            .put("arguments", c.argumentsJson()));
      }
      if (message.toolCallId() != null) {
        json.put("tool_call_id", message.toolCallId());
      }
    }
    return Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(messages) + "\n";
  }
}
