package dev.toolcase.prompt;

import dev.toolcase.AgentThread;
import dev.toolcase.StepCodec;

/** How {@code {{thread}}} becomes prompt text or messages (factor 3: own your context window). */
@FunctionalInterface
public interface ThreadRendering {

  /** Renders {@code thread}, whose tool calls are steps of {@code codec}'s union. */
  Expansion render(AgentThread thread, StepCodec<?> codec);

  /** The default: one block per event, in the token-efficient tagged format. */
  static ThreadRendering defaults() {
    return (thread, codec) -> {
      StringBuilder text = new StringBuilder();
      thread.events().forEach(e -> text.append('<').append(e.type()).append(">\n")
          .append(e.data()).append("\n</").append(e.type()).append(">\n"));
      return Expansion.text(text.toString());
    };
  }
}
