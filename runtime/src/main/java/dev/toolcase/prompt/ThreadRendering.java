package dev.toolcase.prompt;

import dev.toolcase.AgentThread;
import dev.toolcase.codec.StepCodec;

/** How {@code {{thread}}} becomes prompt text or messages (factor 3: own your context window). */
@FunctionalInterface
public interface ThreadRendering {

  /**
   * Renders {@code thread}, whose tool calls are steps of {@code codec}'s union.
   *
   * @param thread the thread
   * @param codec the codec of the union whose steps the thread holds
   * @return the rendered thread
   */
  Expansion render(AgentThread thread, StepCodec<?> codec);

  /**
   * The default: {@link dev.toolcase.context.ContextRenderer#defaults()}, tagged blocks.
   *
   * @return the default rendering
   */
  static ThreadRendering defaults() {
    return dev.toolcase.context.ContextRenderer.defaults();
  }
}
