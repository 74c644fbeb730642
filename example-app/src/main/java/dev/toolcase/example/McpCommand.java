package dev.toolcase.example;

import dev.toolcase.example.calculator.Arithmetic;
import dev.toolcase.example.calculator.CalculatorTools;
import dev.toolcase.example.deploy.DeployBotTools;
import dev.toolcase.example.deploy.DeployTargets;
import dev.toolcase.example.deploy.Deployer;
import dev.toolcase.llm.LlmClient;
import dev.toolcase.mcp.McpAgent;
import dev.toolcase.mcp.McpTools;
import dev.toolcase.mcp.ToolcaseMcp;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * {@code mcp}: the calculator's and the deployment bot's tools, and the deployment bot as an
 * agent, for MCP clients; over stdio by default, or Streamable HTTP at {@code /mcp} with
 * {@code --http PORT}. Threads of the agent live in the file store under {@code --data}.
 *
 * <pre>
 * mcp [--data ./data] [--http PORT [--bind 127.0.0.1] [--insecure-local]]
 * </pre>
 *
 * <p>Over stdio, standard output carries the protocol; everything this command says goes to
 * standard error. Over HTTP, {@code TOOLCASE_API_TOKEN} is the bearer token.
 */
final class McpCommand {

  /** Held, so the level set on it stays: java.util.logging keeps loggers weakly. */
  private static final Logger JETTY_LOG = Logger.getLogger("org.eclipse.jetty");

  static final String USAGE = "usage: toolcase-example-app mcp [--data ./data]"
      + " [--http PORT [--bind 127.0.0.1] [--insecure-local]]";

  private McpCommand() {}

  /** Parsed options of the command; {@code httpPort} is -1 for stdio. */
  record Options(Path data, int httpPort, String bind, boolean insecureLocal) {

    static Options parse(String[] args) {
      Flags flags = Flags.parse(args, Set.of("--data", "--http", "--bind"),
          Set.of("--insecure-local"));
      int port = Integer.parseInt(flags.value("--http", "-1"));
      if (port < -1 || port > 65_535) {
        throw new IllegalArgumentException("--http takes a port, 0 to 65535");
      }
      return new Options(Path.of(flags.value("--data", "data")), port,
          flags.value("--bind", "127.0.0.1"), flags.has("--insecure-local"));
    }
  }

  /** The server's builder: both prompts' tools and the deployment bot, on {@code data}. */
  static ToolcaseMcp.Builder builder(Path data, Map<String, String> env) {
    Optional<LlmClient> model = Models.configured(env);
    Clock clock = Clock.systemUTC();
    DeployTargets targets = DeployTargets.example();
    ToolcaseMcp.Builder builder = ToolcaseMcp.builder()
        .serverInfo("toolcase-example", "0.1.0")
        .tools(McpTools.of(CalculatorTools.CODEC, new Arithmetic()::handle))
        .tools(McpTools.of(DeployBotTools.CODEC, new Deployer(targets)::handle)
            .approvalPolicy(Agents::toProduction))
        .agent(McpAgent.of("deploybot", "The deployment bot: give it a request such as \"deploy"
            + " the latest backend to production\"; it lists tags, deploys, and asks you to approve"
            + " production deploys", Agents.deployBot(Models.runners(model, "deploybot"), targets,
            clock)));
    return builder.store(new dev.toolcase.store.FileThreadStore(data, builder.eventFormats()));
  }

  /** Runs the command until the client closes stdin, or the process is stopped. */
  static int run(String[] args, Map<String, String> env, PrintStream out) {
    Options options;
    try {
      options = Options.parse(args);
    } catch (IllegalArgumentException e) {
      out.println(e.getMessage());
      out.println(USAGE);
      return 2;
    }
    JETTY_LOG.setLevel(Level.WARNING);
    ToolcaseMcp server;
    try {
      ToolcaseMcp.Builder builder = builder(options.data(), env);
      if (options.httpPort() < 0) {
        server = builder.startStdio();
        System.err.println("Serving MCP over stdio (threads in "
            + options.data().toAbsolutePath() + ")");
      } else {
        String token = env.get("TOOLCASE_API_TOKEN");
        if (token != null && !token.isBlank()) {
          builder.token(token);
        } else if (options.insecureLocal()) {
          builder.insecureLocal();
        } else {
          out.println("cannot serve: no bearer token: set TOOLCASE_API_TOKEN, or pass"
              + " --insecure-local to serve without one on a developer's machine");
          return 1;
        }
        server = builder.address(InetAddress.getByName(options.bind()))
            .port(options.httpPort()).startHttp();
        out.println("Serving MCP on http://" + options.bind() + ":" + server.port() + "/mcp");
        out.flush();
      }
    } catch (IllegalStateException | UnknownHostException e) {
      out.println("cannot serve: " + e.getMessage());
      return 1;
    }
    try {
      server.awaitClosed();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    server.close();
    return 0;
  }
}
