package dev.toolcase.example;

import dev.toolcase.Agent;
import dev.toolcase.AgentLoop;
import dev.toolcase.AgentThread;
import dev.toolcase.Event;
import dev.toolcase.PendingCall;
import dev.toolcase.codec.StepCodec;
import dev.toolcase.example.deploy.DeployTargets;
import dev.toolcase.json.Json;
import dev.toolcase.llm.LlmClient;
import dev.toolcase.llm.LlmException;
import dev.toolcase.prompt.PromptRunner;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import tools.jackson.databind.JsonNode;

/**
 * The example's command line: runs the calculator or the deployment bot on one message, printing
 * the thread as it grows, and asks on standard input when the thread pauses for a human.
 *
 * <pre>
 * java -jar toolcase-example-app.jar calculator "multiply 3 and 4, ..."
 * java -jar toolcase-example-app.jar deploybot "deploy the latest backend to production"
 * </pre>
 */
public final class Main {

  private final BufferedReader in;
  private final PrintStream out;
  private final Map<String, String> env;

  Main(BufferedReader in, PrintStream out, Map<String, String> env) {
    this.in = in;
    this.out = out;
    this.env = env;
  }

  /** Runs the command line. */
  public static void main(String[] args) {
    BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    System.exit(new Main(in, System.out, System.getenv()).run(args));
  }

  /** Runs one command; returns the process exit code. */
  int run(String[] args) {
    if (args.length >= 1 && args[0].equals("serve")) {
      return Serve.run(args, env, out);
    }
    if (args.length >= 1 && args[0].equals("mcp")) {
      return McpCommand.run(args, env, out);
    }
    if (args.length != 2 || !(args[0].equals("calculator") || args[0].equals("deploybot"))) {
      out.println("usage: toolcase-example-app (calculator|deploybot) \"<message>\"");
      out.println("   or: " + Serve.USAGE.substring("usage: ".length()));
      out.println("   or: " + McpCommand.USAGE.substring("usage: ".length()));
      return 2;
    }
    String agent = args[0];
    String message = args[1];
    Optional<LlmClient> model = Models.configured(env);
    if (model.isEmpty()) {
      if (!OfflineModel.understands(agent, message)) {
        out.println(OfflineModel.notUnderstood(agent));
        return 2;
      }
      out.println(OfflineModel.NOTICE);
    }
    Function<AgentThread, PromptRunner> runners = Models.runners(model, agent);
    Clock clock = Clock.systemUTC();
    try {
      return agent.equals("calculator")
          ? converse(Agents.calculator(runners, clock), message)
          : converse(Agents.deployBot(runners, DeployTargets.example(), clock), message);
    } catch (LlmException e) {
      out.println("The model could not be reached: " + e.getMessage());
      return 1;
    }
  }

  private <S> int converse(Agent<S> agent, String message) {
    AgentLoop<S> loop = new AgentLoop<>(agent);
    AgentThread thread = agent.userInput(AgentThread.empty(), message);
    print(thread.events().getFirst(), agent.codec());
    while (true) {
      AgentLoop.Outcome outcome = loop.run(thread, event -> print(event, agent.codec()));
      thread = outcome.thread();
      switch (outcome.status()) {
        case DONE -> {
          return 0;
        }
        case FAILED, RUNNING -> {
          return 1;
        }
        case WAITING_FOR_HUMAN -> {
          out.println("? " + agent.question(thread).orElse("The agent asks for help."));
          String answer = ask("> ");
          if (answer == null) {
            return inputClosed("an answer");
          }
          thread = agent.respond(thread, answer);
        }
        case WAITING_FOR_APPROVAL -> {
          PendingCall call = agent.pending(thread).orElseThrow();
          out.println("? " + call.question() + " [y/n]");
          String answer = ask("> ");
          if (answer == null) {
            return inputClosed("a decision on " + call.callId() + "; nothing was run");
          }
          boolean approved = answer.trim().toLowerCase(java.util.Locale.ROOT).startsWith("y");
          String reason = approved ? "" : ask("reason (optional)> ");
          thread = agent.decide(thread, call.callId(), approved, reason);
          print(thread.events().getLast(), agent.codec());
        }
      }
    }
  }

  /** Standard input ended where the thread waits for a human: exit code 3, and say so. */
  private int inputClosed(String waitingFor) {
    out.println();
    out.println("Standard input closed while the thread waits for " + waitingFor + ".");
    return 3;
  }

  private String ask(String prompt) {
    out.print(prompt);
    out.flush();
    try {
      return in.readLine();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private <S> void print(Event event, StepCodec<S> codec) {
    Object data = event.data();
    String body;
    if (codec.stepType().isInstance(data)) {
      body = codec.argumentsJson(codec.stepType().cast(data));
    } else if (data instanceof JsonNode node) {
      body = Json.write(node);
    } else {
      body = String.valueOf(data);
    }
    out.println("[" + event.type() + "] " + body);
  }
}
