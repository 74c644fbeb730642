package dev.toolcase.example;

import dev.toolcase.Agent;
import dev.toolcase.AgentThread;
import dev.toolcase.Event;
import dev.toolcase.EventTypes;
import dev.toolcase.example.calculator.Arithmetic;
import dev.toolcase.example.calculator.CalculatorNextStep;
import dev.toolcase.example.calculator.CalculatorPrompts;
import dev.toolcase.example.calculator.CalculatorTools;
import dev.toolcase.example.deploy.DeployBackend;
import dev.toolcase.example.deploy.DeployBotNextStep;
import dev.toolcase.example.deploy.DeployBotPrompts;
import dev.toolcase.example.deploy.DeployBotTools;
import dev.toolcase.example.deploy.DeployFrontend;
import dev.toolcase.example.deploy.DeployTargets;
import dev.toolcase.example.deploy.Deployer;
import dev.toolcase.example.deploy.Environment;
import dev.toolcase.example.deploy.ReleaseBotNextStep;
import dev.toolcase.example.deploy.ReleaseBotPrompts;
import dev.toolcase.example.deploy.ReleaseBotTools;
import dev.toolcase.json.Json;
import dev.toolcase.prompt.PromptRunner;
import java.time.Clock;
import java.time.Instant;
import java.util.function.Function;

/** The example's two agents, wired from generated code and the runtime. */
public final class Agents {

  private Agents() {}

  /** The calculator on {@code runner}'s model. */
  public static Agent<CalculatorNextStep> calculator(PromptRunner runner, Clock clock) {
    return calculator(thread -> runner, clock);
  }

  /** The calculator on the model {@code runners} picks for each thread. */
  public static Agent<CalculatorNextStep> calculator(
      Function<AgentThread, PromptRunner> runners, Clock clock) {
    return Agent.builder(CalculatorTools.CODEC)
        .nextStep(thread -> CalculatorPrompts.using(runners.apply(thread)).determineNextStep(thread))
        .handler(new Arithmetic()::handle)
        .clock(clock)
        .build();
  }

  /** The deployment bot on {@code runner}'s model; any deploy to production waits for approval. */
  public static Agent<DeployBotNextStep> deployBot(PromptRunner runner, DeployTargets targets, Clock clock) {
    return deployBot(thread -> runner, targets, clock);
  }

  /** The deployment bot on the model {@code runners} picks for each thread. */
  public static Agent<DeployBotNextStep> deployBot(
      Function<AgentThread, PromptRunner> runners, DeployTargets targets, Clock clock) {
    return Agent.builder(DeployBotTools.CODEC)
        .nextStep(thread -> DeployBotPrompts.using(runners.apply(thread)).determineNextStep(thread))
        .handler(new Deployer(targets)::handle)
        .approvalPolicy(Agents::toProduction)
        .clock(clock)
        .build();
  }

  /**
   * The release bot on {@code runner}'s model: the deployment bot without {@code list_git_tags},
   * for threads started with {@link #withTags}. Production deploys wait for approval.
   */
  public static Agent<ReleaseBotNextStep> releaseBot(PromptRunner runner, DeployTargets targets, Clock clock) {
    return Agent.builder(ReleaseBotTools.CODEC)
        .nextStep(ReleaseBotPrompts.using(runner)::determineNextStep)
        .handler(new Deployer(targets)::handle)
        .approvalPolicy(Agents::toProduction)
        .clock(clock)
        .build();
  }

  /**
   * {@code thread} with the git tags fetched by code before the first model call: a
   * {@code list_git_tags} call and its result, as if the model had asked for them.
   */
  public static AgentThread withTags(AgentThread thread, DeployTargets targets, Clock clock) {
    Instant now = clock.instant();
    return thread
        .append(new Event("list_git_tags", Json.mapper().createObjectNode(), now))
        .append(new Event(EventTypes.resultOf("list_git_tags"), Deployer.tags(targets), now));
  }

  /** The approval policy: production deploys need a human. */
  static boolean toProduction(Object step) {
    return switch (step) {
      case DeployBackend deploy -> deploy.environment() == Environment.production;
      case DeployFrontend deploy -> deploy.environment() == Environment.production;
      default -> false;
    };
  }
}
