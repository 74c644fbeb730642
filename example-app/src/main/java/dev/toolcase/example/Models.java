package dev.toolcase.example;

import dev.toolcase.AgentThread;
import dev.toolcase.llm.AnthropicClient;
import dev.toolcase.llm.LlmClient;
import dev.toolcase.llm.OpenAiClient;
import dev.toolcase.prompt.PromptRunner;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Chooses the model from the environment (twelve-factor config): {@code OPENAI_API_KEY} (with
 * optional {@code OPENAI_BASE_URL} and {@code TOOLCASE_MODEL}) or {@code ANTHROPIC_API_KEY};
 * with neither, the example runs offline on recordings.
 */
final class Models {

  static final String DEFAULT_OPENAI_MODEL = "gpt-4.1";
  static final String DEFAULT_ANTHROPIC_MODEL = "claude-sonnet-4-5";

  private Models() {}

  /** A real provider's client when one is configured. */
  static Optional<LlmClient> configured(Map<String, String> env) {
    String model = env.get("TOOLCASE_MODEL");
    if (present(env.get("OPENAI_API_KEY")) || present(env.get("OPENAI_BASE_URL"))) {
      OpenAiClient.Builder builder = OpenAiClient.builder()
          .model(present(model) ? model : DEFAULT_OPENAI_MODEL);
      if (present(env.get("OPENAI_API_KEY"))) {
        builder.apiKey(env.get("OPENAI_API_KEY"));
      }
      if (present(env.get("OPENAI_BASE_URL"))) {
        builder.baseUrl(env.get("OPENAI_BASE_URL"));
      }
      return Optional.of(builder.build());
    }
    if (present(env.get("ANTHROPIC_API_KEY"))) {
      return Optional.of(AnthropicClient.builder()
          .apiKey(env.get("ANTHROPIC_API_KEY"))
          .model(present(model) ? model : DEFAULT_ANTHROPIC_MODEL)
          .build());
    }
    return Optional.empty();
  }

  /**
   * The runner of each thread of {@code agent}: on {@code model} when there is one, else on the
   * offline stand-in, which decides from the thread itself.
   */
  static Function<AgentThread, PromptRunner> runners(Optional<LlmClient> model, String agent) {
    if (model.isPresent()) {
      PromptRunner runner = PromptRunner.using(model.get());
      return thread -> runner;
    }
    Function<AgentThread, LlmClient> offline = OfflineModel.perThread(agent);
    return thread -> PromptRunner.using(offline.apply(thread));
  }

  private static boolean present(String value) {
    return value != null && !value.isBlank();
  }
}
