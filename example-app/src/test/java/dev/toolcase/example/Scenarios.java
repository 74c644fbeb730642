package dev.toolcase.example;

import dev.toolcase.Agent;
import dev.toolcase.AgentLoop;
import dev.toolcase.AgentThread;
import dev.toolcase.example.calculator.CalculatorNextStep;
import dev.toolcase.example.deploy.DeployBotNextStep;
import dev.toolcase.example.deploy.DeployTargets;
import dev.toolcase.llm.ScriptedLlmClient;
import dev.toolcase.prompt.PromptRunner;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

/** The two scripted scenarios run to the end on their offline recordings, as fixed threads. */
final class Scenarios {

  static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-24T10:00:00Z"), ZoneOffset.UTC);

  private Scenarios() {}

  /** The calculator's scenario, finished. */
  static AgentThread calculator() {
    ScriptedLlmClient model = ScriptedLlmClient.fromResource(
        Scenarios.class.getClassLoader(), "recordings/calculator.json");
    Agent<CalculatorNextStep> agent = Agents.calculator(PromptRunner.using(model), CLOCK);
    return new AgentLoop<>(agent).run(agent.userInput(AgentThread.empty(), OfflineModel.CALCULATOR_MESSAGE))
        .thread();
  }

  /** The deployment scenario: tags listed, production deploy approved, finished. */
  static AgentThread deployBot() {
    ScriptedLlmClient model = ScriptedLlmClient.fromResource(
        Scenarios.class.getClassLoader(), "recordings/deploybot.json");
    Agent<DeployBotNextStep> agent = Agents.deployBot(PromptRunner.using(model), DeployTargets.example(), CLOCK);
    AgentLoop<DeployBotNextStep> loop = new AgentLoop<>(agent);
    AgentThread paused = loop.run(agent.userInput(AgentThread.empty(), OfflineModel.DEPLOY_MESSAGE)).thread();
    String callId = agent.pending(paused).orElseThrow().callId();
    return loop.run(agent.decide(paused, callId, true, "ship it")).thread();
  }
}
