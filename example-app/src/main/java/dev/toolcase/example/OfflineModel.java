package dev.toolcase.example;

import dev.toolcase.llm.ChatMessage;
import dev.toolcase.llm.LlmClient;
import dev.toolcase.llm.LlmRequest;
import dev.toolcase.llm.LlmResponse;
import dev.toolcase.llm.ScriptedLlmClient;
import java.util.Locale;
import java.util.Optional;

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
