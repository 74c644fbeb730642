package dev.toolcase.example;

import dev.toolcase.Agent;
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
import dev.toolcase.prompt.PromptRunner;
import java.time.Clock;

/** The example's two agents, wired from generated code and the runtime. */
public final class Agents {

  private Agents() {}

  /** The calculator on {@code runner}'s model. */
  public static Agent<CalculatorNextStep> calculator(PromptRunner runner, Clock clock) {
    return Agent.builder(CalculatorTools.CODEC)
        .nextStep(CalculatorPrompts.using(runner)::determineNextStep)
        .handler(new Arithmetic()::handle)
        .clock(clock)
        .build();
  }

  /** The deployment bot on {@code runner}'s model; any deploy to production waits for approval. */
  public static Agent<DeployBotNextStep> deployBot(PromptRunner runner, DeployTargets targets, Clock clock) {
    return Agent.builder(DeployBotTools.CODEC)
        .nextStep(DeployBotPrompts.using(runner)::determineNextStep)
        .handler(new Deployer(targets)::handle)
        .approvalPolicy(Agents::toProduction)
        .clock(clock)
        .build();
  }

  /** The approval policy: production deploys need a human. */
  static boolean toProduction(DeployBotNextStep step) {
    return switch (step) {
      case DeployBackend deploy -> deploy.environment() == Environment.production;
      case DeployFrontend deploy -> deploy.environment() == Environment.production;
      default -> false;
    };
  }
}
