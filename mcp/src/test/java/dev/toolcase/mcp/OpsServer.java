package dev.toolcase.mcp;

import dev.toolcase.Agent;
import dev.toolcase.AgentThread;
import dev.toolcase.Event;
import dev.toolcase.EventTypes;
import dev.toolcase.mcp.ops.Add;
import dev.toolcase.mcp.ops.AskHuman;
import dev.toolcase.mcp.ops.Delete;
import dev.toolcase.mcp.ops.Done;
import dev.toolcase.mcp.ops.OpsHandler;
import dev.toolcase.mcp.ops.OpsNextStep;
import dev.toolcase.mcp.ops.OpsTools;
import dev.toolcase.mcp.ops.Ping;
import dev.toolcase.store.FileThreadStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * The server the tests talk to: the {@code Ops} prompt's tools, and {@code opsbot}, an agent
 * whose "model" is a fixed plan (delete the file the user names, with approval; ask why; finish),
 * on a file store. Every delete that runs is a line in {@code deletes.log}, so a test counts runs.
 * Run as {@code OpsServer stdio <dir>} or {@code OpsServer http <dir> <token>} by the tests.
 */
public final class OpsServer {

  private OpsServer() {}

  /** The handler of every tool; each delete is logged to {@code log}. */
  static OpsHandler<Object> handler(Path log) {
    return new OpsHandler<>() {
      @Override
      public Object ping(Ping call) {
        return "pong";
      }

      @Override
      public Object add(Add call) {
        return Map.of("sum", call.a() + call.b());
      }

      @Override
      public Object delete(Delete call) {
        try {
          Files.writeString(log, call.path() + "\n", StandardCharsets.UTF_8,
              StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
        return "deleted " + call.path();
      }

      @Override
      public Object askHuman(AskHuman call) {
        throw new IllegalStateException("a question is not run");
      }

      @Override
      public Object done(Done call) {
        throw new IllegalStateException("a final answer is not run");
      }
    };
  }

  /** The agent: delete the named file (approved first), ask why, then finish. */
  static Agent<OpsNextStep> agent(Path log) {
    return Agent.builder(OpsTools.CODEC)
        .nextStep(OpsServer::plan)
        .handler(handler(log)::handle)
        .build();
  }

  private static OpsNextStep plan(AgentThread thread) {
    List<Event> events = thread.events();
    String path = String.valueOf(events.stream()
        .filter(e -> e.type().equals(EventTypes.USER_INPUT)).reduce((a, b) -> b)
        .orElseThrow().data()).replaceFirst("(?s).*delete\\s+", "").strip();
    boolean rejected = events.stream().anyMatch(e -> e.type().equals(EventTypes.APPROVAL)
        && e.data() instanceof JsonNode decision && !decision.path("approved").asBoolean());
    if (rejected) {
      return new Done("did not delete " + path + ": not approved");
    }
    boolean deleted = events.stream().anyMatch(e -> e.type().equals(EventTypes.resultOf("delete")));
    if (!deleted) {
      return new Delete(path);
    }
    return events.stream().filter(e -> e.type().equals(EventTypes.HUMAN_RESPONSE)).findFirst()
        .<OpsNextStep>map(e -> new Done("deleted " + path + " because " + e.data()))
        .orElseGet(() -> new AskHuman("Why did " + path + " have to go?"));
  }

  /** The server on {@code dir}: its store, and its delete log. */
  static ToolcaseMcp.Builder builder(Path dir) {
    Path log = dir.resolve("deletes.log");
    ToolcaseMcp.Builder builder = ToolcaseMcp.builder()
        .tools(McpTools.of(OpsTools.CODEC, handler(log)::handle))
        .agent(McpAgent.of("opsbot", "Deletes the file the user names, with their approval",
            agent(log)))
        .requestTimeout(Duration.ofSeconds(60))
        .maxArgumentBytes(64 * 1024);
    return builder.store(new FileThreadStore(dir.resolve("threads"), builder.eventFormats()));
  }

  /**
   * Serves over stdio, or over HTTP printing {@code LISTENING <port>}.
   *
   * @param args {@code stdio <dir>} or {@code http <dir> <token>}
   * @throws InterruptedException if interrupted
   */
  public static void main(String[] args) throws InterruptedException {
    ToolcaseMcp.Builder builder = builder(Path.of(args[1]));
    if (args[0].equals("stdio")) {
      ToolcaseMcp server = builder.startStdio();
      server.awaitClosed();
      server.close();
      System.exit(0);
    }
    ToolcaseMcp server = builder.port(0).token(args[2]).startHttp();
    System.out.println("LISTENING " + server.port());
    System.out.flush();
    server.awaitClosed();
  }
}
