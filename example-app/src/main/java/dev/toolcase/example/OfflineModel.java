package dev.toolcase.example;

import dev.toolcase.AgentThread;
import dev.toolcase.Event;
import dev.toolcase.EventTypes;
import dev.toolcase.json.Json;
import dev.toolcase.llm.ChatMessage;
import dev.toolcase.llm.LlmClient;
import dev.toolcase.llm.LlmException;
import dev.toolcase.llm.LlmRequest;
import dev.toolcase.llm.LlmResponse;
import dev.toolcase.llm.ScriptedLlmClient;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import tools.jackson.databind.JsonNode;

/**
 * The offline stand-in for a model: recorded provider responses for the two scripted scenarios,
 * replayed through the real parsing path. Everything else (the tools, the loop, approvals) runs
 * for real.
 */
final class OfflineModel implements LlmClient {

  /** The calculator's scripted message. */
  static final String CALCULATOR_MESSAGE =
      "multiply 3 and 4, then divide the result by 2 and then add 12 to that result";
  /** The deployment bot's scripted message. */
  static final String DEPLOY_MESSAGE = "deploy the latest backend to production";

  private final ScriptedLlmClient script;
  private final ScriptedLlmClient afterRejection;

  private OfflineModel(ScriptedLlmClient script, ScriptedLlmClient afterRejection) {
    this.script = script;
    this.afterRejection = afterRejection;
  }

  /** The recordings for {@code agent} and {@code message}, if this is a scripted scenario. */
  static Optional<LlmClient> forScenario(String agent, String message) {
    String normal = message.trim().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
    ClassLoader loader = OfflineModel.class.getClassLoader();
    if (agent.equals("calculator") && normal.equals(CALCULATOR_MESSAGE)) {
      return Optional.of(new OfflineModel(
          ScriptedLlmClient.fromResource(loader, "recordings/calculator.json"), null));
    }
    if (agent.equals("deploybot") && normal.equals(DEPLOY_MESSAGE)) {
      return Optional.of(new OfflineModel(
          ScriptedLlmClient.fromResource(loader, "recordings/deploybot.json"),
          ScriptedLlmClient.fromResource(loader, "recordings/deploybot-rejected.json")));
    }
    return Optional.empty();
  }

  /**
   * The offline model for a server, where any process may serve any thread: the recorded response
   * is chosen from the thread itself (the number of steps the model already took), not from a
   * position in a script.
   *
   * @param intents the intents of the agent's tools, to count the model's steps
   */
  static Function<AgentThread, LlmClient> perThread(String agent, Collection<String> intents) {
    ClassLoader loader = OfflineModel.class.getClassLoader();
    return thread -> {
      String message = thread.events().isEmpty() ? "" : String.valueOf(thread.events().getFirst().data());
      String normal = message.trim().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
      String recording;
      if (agent.equals("calculator") && normal.equals(CALCULATOR_MESSAGE)) {
        recording = "recordings/calculator.json";
      } else if (agent.equals("deploybot") && normal.equals(DEPLOY_MESSAGE)) {
        recording = "recordings/deploybot.json";
      } else {
        throw new LlmException(onlyScripted(agent), LlmException.NO_STATUS, "script_exhausted",
            "no recording for this message", false, 0, null);
      }
      int from = 0;
      for (int i = 0; i < thread.events().size(); i++) {
        Event event = thread.events().get(i);
        if (event.type().equals(EventTypes.APPROVAL) && event.data() instanceof JsonNode data
            && !data.path("approved").asBoolean(true)) {
          recording = "recordings/deploybot-rejected.json";
          from = i + 1;
        }
      }
      long turn = thread.events().subList(from, thread.events().size()).stream()
          .filter(event -> intents.contains(event.type()))
          .count();
      JsonNode responses = Json.readTree(resource(loader, recording));
      if (turn >= responses.size()) {
        throw new LlmException("The offline recordings end here. " + onlyScripted(agent),
            LlmException.NO_STATUS, "script_exhausted", "recording used up", false, 0, null);
      }
      return ScriptedLlmClient.of(List.of(Json.write(responses.get((int) turn))));
    };
  }

  private static String resource(ClassLoader loader, String name) {
    try (InputStream in = loader.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("missing recording " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** What to tell a user whose message has no recording. */
  static String onlyScripted(String agent) {
    return "Offline mode knows only the recorded scenarios:\n"
        + "  calculator \"" + CALCULATOR_MESSAGE + "\"\n"
        + "  deploybot \"" + DEPLOY_MESSAGE + "\"\n"
        + "To run " + agent + " on a real model, set OPENAI_API_KEY (optionally OPENAI_BASE_URL for"
        + " any OpenAI-compatible server, and TOOLCASE_MODEL) or ANTHROPIC_API_KEY.";
  }

  @Override
  public LlmResponse complete(LlmRequest request) {
    ScriptedLlmClient source = afterRejection != null && rejected(request) ? afterRejection : script;
    return source.complete(request);
  }

  /** Whether the thread in the request shows a rejected approval. */
  private static boolean rejected(LlmRequest request) {
    for (ChatMessage message : request.messages()) {
      String content = message.content() == null ? "" : message.content();
      if (content.contains("approved: false") || content.contains("\"approved\":false")) {
        return true;
      }
    }
    return false;
  }
}
