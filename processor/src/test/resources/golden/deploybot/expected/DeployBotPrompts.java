package dev.toolcase.example.deploy;

import dev.toolcase.AgentThread;
import dev.toolcase.llm.ChatMessage;
import dev.toolcase.llm.LlmClient;
import dev.toolcase.prompt.PromptRunner;
import dev.toolcase.prompt.TemplateText;
import java.util.List;
import javax.annotation.processing.Generated;

/**
 * {@link DeployBot} on a model: renders each template, calls the model and reads the answer
 * with generated code. The {@code ...Messages} methods give the exact messages
 * that would be sent, without calling the model.
 */
@Generated("dev.toolcase.processor.ToolcaseProcessor")
public final class DeployBotPrompts implements DeployBot {
  private static final String DETERMINE_NEXT_STEP_TEMPLATE = "{{role system}}\n"
      + "You manage deployments. Deploy to staging before production, and ask before production.\n"
      + "{{role user}}\n"
      + "{{thread}}\n"
      + "What should the next step be?\n"
      + "{{output_format}}\n";

  private static final String DETERMINE_NEXT_STEPS_TEMPLATE = "{{role system}}\n"
      + "You manage deployments. Deploy to staging before production, and ask before production.\n"
      + "Call several tools at once when they do not depend on each other.\n"
      + "{{role user}}\n"
      + "{{thread}}\n"
      + "What should the next steps be?\n"
      + "{{output_format}}\n";

  private final PromptRunner runner;

  private DeployBotPrompts(PromptRunner runner) {
    this.runner = runner;
  }

  /**
   * {@link DeployBot} on {@code client}, with native tool calling and the default context format.
   *
   * @param client the model
   * @return the prompt on it
   */
  public static DeployBotPrompts using(LlmClient client) {
    return new DeployBotPrompts(PromptRunner.using(client));
  }

  /**
   * {@link DeployBot} on a configured runner: its output mode and context format.
   *
   * @param runner the runner, with its model
   * @return the prompt on it
   */
  public static DeployBotPrompts using(PromptRunner runner) {
    return new DeployBotPrompts(runner);
  }

  /**
   * The messages {@link #determineNextStep} sends, rendered from its template, without calling the model.
   *
   * @param thread as {@link #determineNextStep} takes it
   * @return the messages, in order
   */
  public List<ChatMessage> determineNextStepMessages(AgentThread thread) {
    return TemplateText.render(DETERMINE_NEXT_STEP_TEMPLATE, variable -> switch (variable) {
          case "thread" -> runner.thread(thread, DeployBotTools.CODEC);
          case "output_format" -> runner.outputFormat(DeployBotTools.CODEC);
          default -> throw new IllegalStateException("no such template variable: " + variable);
        });
  }

  @Override
  public DeployBotNextStep determineNextStep(AgentThread thread) {
    List<ChatMessage> messages = determineNextStepMessages(thread);
    return runner.nextStep(messages, DeployBotTools.CODEC);
  }

  /**
   * The messages {@link #determineNextSteps} sends, rendered from its template, without calling the model.
   *
   * @param thread as {@link #determineNextSteps} takes it
   * @return the messages, in order
   */
  public List<ChatMessage> determineNextStepsMessages(AgentThread thread) {
    return TemplateText.render(DETERMINE_NEXT_STEPS_TEMPLATE, variable -> switch (variable) {
          case "thread" -> runner.thread(thread, DeployBotTools.CODEC);
          case "output_format" -> runner.stepsFormat(DeployBotTools.CODEC);
          default -> throw new IllegalStateException("no such template variable: " + variable);
        });
  }

  @Override
  public List<DeployBotNextStep> determineNextSteps(AgentThread thread) {
    List<ChatMessage> messages = determineNextStepsMessages(thread);
    return runner.nextSteps(messages, DeployBotTools.CODEC);
  }
}
