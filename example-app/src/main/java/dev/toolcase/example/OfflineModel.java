package dev.toolcase.example;

import dev.toolcase.AgentThread;
import dev.toolcase.Event;
import dev.toolcase.EventTypes;
import dev.toolcase.example.ArithmeticPlan.Literal;
import dev.toolcase.example.ArithmeticPlan.Operand;
import dev.toolcase.example.ArithmeticPlan.Operation;
import dev.toolcase.example.ArithmeticPlan.ResultOf;
import dev.toolcase.example.calculator.Add;
import dev.toolcase.example.calculator.CalculatorNextStep;
import dev.toolcase.example.calculator.CalculatorTools;
import dev.toolcase.example.calculator.Divide;
import dev.toolcase.example.calculator.DoneForNow;
import dev.toolcase.example.calculator.Multiply;
import dev.toolcase.example.calculator.Subtract;
import dev.toolcase.example.deploy.DeployBotTools;
import dev.toolcase.llm.LlmClient;
import dev.toolcase.llm.LlmException;
import dev.toolcase.llm.ScriptedLlmClient;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import tools.jackson.databind.JsonNode;

/**
 * The offline stand-in for a model, used when none is configured: a rule-based reader of the
 * example's own domain (arithmetic sentences for the calculator, deployments of the example's
 * tags for the deployment bot) that picks each next step from the thread alone. Its answers are
 * written as real chat completions with tool calls and go through the same parsing path as a
 * provider's; the tools, the loop and approvals run for real.
 *
 * <p>It decides from the thread, not from a position in a script, so any process can serve any
 * thread of a server.
 */
final class OfflineModel {

  /** The calculator's example message, the one of the 12-factor agents deck. */
  static final String CALCULATOR_MESSAGE =
      "multiply 3 and 4, then divide the result by 2 and then add 12 to that result";
  /** The deployment bot's example message. */
  static final String DEPLOY_MESSAGE = "deploy the latest backend to production";

  /** Printed before an offline run, so nobody takes the answers for a model's. */
  static final String NOTICE = "(offline: no model is configured, so a rule-based stand-in"
      + " answers for the model; set OPENAI_API_KEY or ANTHROPIC_API_KEY to use a real one)";

  private OfflineModel() {}

  /** Whether the stand-in follows {@code message} for {@code agent}. */
  static boolean understands(String agent, String message) {
    return switch (agent) {
      case "calculator" -> ArithmeticPlan.of(message).isPresent();
      case "deploybot" -> DeployPlan.understands(message);
      default -> false;
    };
  }

  /**
   * The stand-in for {@code agent}: for each thread, a client whose one answer is the next step.
   * A thread whose first message it does not follow gets an {@link LlmException} saying what it
   * understands.
   */
  static Function<AgentThread, LlmClient> perThread(String agent) {
    return thread -> {
      String message = thread.events().isEmpty() ? "" : String.valueOf(thread.events().getFirst().data());
      if (!understands(agent, message)) {
        throw new LlmException(notUnderstood(agent), LlmException.NO_STATUS, "offline",
            "the offline model does not follow this message", false, 0, null);
      }
      return switch (agent) {
        case "calculator" -> ScriptedLlmClient.replying(CalculatorTools.CODEC, calculatorStep(thread));
        case "deploybot" -> ScriptedLlmClient.replying(DeployBotTools.CODEC, DeployPlan.next(thread));
        default -> throw new IllegalArgumentException("no offline model for " + agent);
      };
    };
  }

  /** What to tell a user whose message the stand-in does not follow. */
  static String notUnderstood(String agent) {
    return "Offline, without a model, a rule-based stand-in answers; it follows\n"
        + "  arithmetic for the calculator, such as: calculator \"" + CALCULATOR_MESSAGE + "\"\n"
        + "  deployments of the example's tags, such as: deploybot \"" + DEPLOY_MESSAGE + "\"\n"
        + "To run " + agent + " on a real model, set OPENAI_API_KEY (optionally OPENAI_BASE_URL for"
        + " any OpenAI-compatible server, and TOOLCASE_MODEL) or ANTHROPIC_API_KEY.";
  }

  /** The calculator's next step: the next operation of the plan, or the answer. */
  static CalculatorNextStep calculatorStep(AgentThread thread) {
    ArithmeticPlan plan = ArithmeticPlan.of(String.valueOf(thread.events().getFirst().data()))
        .orElseThrow();
    Event last = thread.events().getLast();
    if (last.type().equals(EventTypes.ERROR)) {
      return new DoneForNow("I could not finish: " + last.data());
    }
    List<Double> results = new ArrayList<>();
    for (Event event : thread.events()) {
      if (EventTypes.isResult(event.type()) && event.data() instanceof JsonNode value
          && value.isNumber()) {
        results.add(value.doubleValue());
      }
    }
    List<Operation> operations = plan.operations();
    if (results.size() < operations.size()) {
      Operation next = operations.get(results.size());
      double a = valueOf(next.a(), results);
      double b = valueOf(next.b(), results);
      return switch (next.op()) {
        case ADD -> new Add(a, b);
        case SUBTRACT -> new Subtract(a, b);
        case MULTIPLY -> new Multiply(a, b);
        case DIVIDE -> new Divide(a, b);
      };
    }
    List<String> said = new ArrayList<>();
    for (int i = 0; i < operations.size(); i++) {
      Operation operation = operations.get(i);
      said.add(ArithmeticPlan.format(valueOf(operation.a(), results)) + " " + operation.op().spoken
          + " " + ArithmeticPlan.format(valueOf(operation.b(), results)) + " is "
          + ArithmeticPlan.format(results.get(i)));
    }
    return new DoneForNow(String.join("; ", said) + ". The result is "
        + ArithmeticPlan.format(results.getLast()) + ".");
  }

  private static double valueOf(Operand operand, List<Double> results) {
    return switch (operand) {
      case Literal literal -> literal.value();
      case ResultOf result -> results.get(result.index());
    };
  }
}
