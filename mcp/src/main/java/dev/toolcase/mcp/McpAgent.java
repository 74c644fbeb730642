package dev.toolcase.mcp;

import dev.toolcase.Agent;
import dev.toolcase.AgentLoop;
import dev.toolcase.AgentThread;
import dev.toolcase.Event;
import dev.toolcase.EventTypes;
import dev.toolcase.FinalAnswer;
import dev.toolcase.ParseException;
import dev.toolcase.PendingCall;
import dev.toolcase.Status;
import dev.toolcase.ThreadJson;
import dev.toolcase.llm.LlmException;
import dev.toolcase.server.Runs;
import dev.toolcase.store.ConflictException;
import dev.toolcase.store.EventFormat;
import dev.toolcase.store.StoreException;
import dev.toolcase.store.StoredThread;
import dev.toolcase.store.ThreadStore;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.server.McpSyncServerExchange;
import io.modelcontextprotocol.spec.McpSchema.CallToolRequest;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.ElicitResult;
import io.modelcontextprotocol.spec.McpSchema.Tool;
import io.modelcontextprotocol.spec.McpSchema.ToolAnnotations;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A whole agent served as one MCP tool: it takes the user's message, runs the agent's loop on a
 * thread in the server's {@link ThreadStore} and returns the final answer.
 *
 * <p>When the thread pauses for a human (a question, or a call that needs approval), the tool asks
 * the user through MCP elicitation and goes on with the answer; a declined approval form is a
 * rejection, a cancelled one leaves the thread waiting, asked again on the next call. When the
 * client cannot ask, the result is the question with the thread's id (and the pending call's
 * {@code call_id}), and a later call with {@code thread_id} and the answer as {@code message}, or
 * {@code call_id} and {@code approve}, resumes it, from any server on the same store: for such a
 * client the approval comes through the tool's arguments, so whoever drives the client (its user,
 * or its model) gives it. A client that can ask gets no approval by argument. Each tool call of the
 * agent is claimed in the store before it runs, as over HTTP, so calls resuming one thread at once
 * do not run a tool twice while the claim's lease holds ({@link ToolcaseMcp.Builder#runLease}).
 *
 * @param <S> the agent's union
 */
public final class McpAgent<S> {

  private static final Pattern THREAD_ID = Pattern.compile("[A-Za-z0-9_-]{1,100}");
  private static final List<String> ARGUMENTS = List.of("message", "thread_id", "approve",
      "call_id");

  /** The input schema of every agent tool. */
  static final String INPUT_SCHEMA = """
      {"type":"object","properties":{\
      "message":{"type":"string","description":"The user's message; for a thread that waits for \
      an answer, the answer"},\
      "thread_id":{"type":"string","description":"The id of a thread this tool returned: resume \
      it"},\
      "approve":{"type":"boolean","description":"For a thread that waits for an approval, when \
      this client cannot show its user a form: whether the call may run (message, if given, is \
      the comment)"},\
      "call_id":{"type":"string","description":"With approve: the call_id of the call approved, \
      as the paused result gave it"}},\
      "additionalProperties":false}""";

  private final String name;
  private final String description;
  private final Agent<S> agent;
  private final int maxSteps;

  private McpAgent(String name, String description, Agent<S> agent, int maxSteps) {
    this.name = name;
    this.description = description;
    this.agent = agent;
    this.maxSteps = maxSteps;
  }

  /**
   * Serves {@code agent} as the tool {@code name}.
   *
   * @param <S> the agent's union
   * @param name the tool's name and the agent's name in the store: letters, digits, {@code _} and
   *     {@code -}
   * @param description what the agent does, for the client's model
   * @param agent the agent
   * @return the agent tool
   */
  public static <S> McpAgent<S> of(String name, String description, Agent<S> agent) {
    if (!Pattern.matches("[A-Za-z0-9_-]{1,64}", Objects.requireNonNull(name, "name"))) {
      throw new IllegalArgumentException("agent tool name '" + name
          + "' must be 1 to 64 letters, digits, '_' or '-'");
    }
    return new McpAgent<>(name, Objects.requireNonNull(description, "description"),
        Objects.requireNonNull(agent, "agent"), AgentLoop.DEFAULT_MAX_STEPS);
  }

  /**
   * This agent tool with another bound on the steps of one call (default {@value
   * AgentLoop#DEFAULT_MAX_STEPS}); past it the thread fails, saying why.
   *
   * @param steps the most steps, at least 1
   * @return the agent tool
   */
  public McpAgent<S> maxSteps(int steps) {
    if (steps < 1) {
      throw new IllegalArgumentException("maxSteps must be at least 1, got " + steps);
    }
    return new McpAgent<>(name, description, agent, steps);
  }

  /**
   * The tool's name.
   *
   * @return the name
   */
  public String name() {
    return name;
  }

  EventFormat format() {
    return new ThreadJson(agent.codec());
  }

  SyncToolSpecification specification(McpJsonMapper json, McpTools.Limits limits,
      ThreadStore store, Clock clock, Duration lease) {
    Tool definition = Tool.builder(name, json, INPUT_SCHEMA)
        .description(description)
        .annotations(ToolAnnotations.builder().readOnlyHint(false).idempotentHint(false).build())
        .build();
    Runs runs = new Runs(store, clock, lease);
    return SyncToolSpecification.builder()
        .tool(definition)
        .callHandler((exchange, request) -> {
          try {
            return call(exchange, request, json, limits, store, runs, clock);
          } catch (ParseException e) {
            return Results.error(e.getMessage());
          } catch (ConflictException e) {
            return Results.error("the thread changed before this call could store anything"
                + " (another call went on with it); call " + name + " again with its thread_id");
          } catch (StoreException e) {
            return Results.error(name + " could not use its thread store: " + e.getMessage());
          }
        })
        .build();
  }

  private CallToolResult call(McpSyncServerExchange exchange, CallToolRequest request,
      McpJsonMapper json, McpTools.Limits limits, ThreadStore store, Runs runs, Clock clock) {
    Results.arguments(json, request, limits);
    Map<String, Object> arguments = request.arguments() == null ? Map.of() : request.arguments();
    for (String key : arguments.keySet()) {
      if (!ARGUMENTS.contains(key)) {
        return Results.error("unknown argument \"" + key + "\"; " + name + " takes "
            + String.join(", ", ARGUMENTS));
      }
    }
    Object message = arguments.get("message");
    Object threadId = arguments.get("thread_id");
    Object approve = arguments.get("approve");
    Object callId = arguments.get("call_id");
    if (message != null && !(message instanceof String)) {
      return Results.error("message must be a string");
    }
    if (threadId != null && !(threadId instanceof String id && THREAD_ID.matcher(id).matches())) {
      return Results.error("thread_id must be an id " + name + " returned");
    }
    if (approve != null && !(approve instanceof Boolean)) {
      return Results.error("approve must be true or false");
    }
    if (callId != null && !(callId instanceof String)) {
      return Results.error("call_id must be the call_id " + name + " returned");
    }
    StoredThread stored;
    if (threadId == null) {
      if (message == null || ((String) message).isBlank()) {
        return Results.error("give the user's message, or the thread_id of a thread to resume");
      }
      if (approve != null || callId != null) {
        return Results.error("approve and call_id go with the thread_id of a paused thread");
      }
      stored = store.create(name, agent.userInput(AgentThread.empty(), (String) message),
          Status.RUNNING);
    } else {
      Optional<StoredThread> found = store.load((String) threadId);
      if (found.isEmpty() || !found.get().agent().equals(name)) {
        return Results.error("no thread " + threadId + " of " + name);
      }
      stored = found.get();
      if (Runs.inProgress(agent, stored.thread(), clock.instant())) {
        return failure(stored, "thread " + threadId + " is running a tool right now; call again"
            + " with its thread_id in a moment");
      }
      Resumed resumed = resume(exchange, stored, (String) message, (Boolean) approve,
          (String) callId);
      if (resumed.refusal() != null) {
        return failure(stored, resumed.refusal());
      }
      stored = advance(runs, stored, resumed.thread());
    }
    // From here the thread exists: whatever goes wrong, the result names it, so it can go on.
    try {
      return run(exchange, runs, stored);
    } catch (LlmException e) {
      return failure(store.load(stored.id()).orElse(stored), name + "'s model could not be"
          + " reached: " + e.getMessage() + ". The thread is stored as far as it got; call "
          + name + " again with thread_id \"" + stored.id() + "\" to go on.");
    } catch (ConflictException e) {
      return failure(store.load(stored.id()).orElse(stored), "thread " + stored.id()
          + " changed while this call ran (another call went on with it); what this call stored"
          + " stays. Call " + name + " again with thread_id \"" + stored.id()
          + "\" to see where it stands.");
    } catch (RuntimeException e) {
      return failure(store.load(stored.id()).orElse(stored), name + " stopped on thread "
          + stored.id() + ": " + Results.describe(e) + ". Call " + name + " again with"
          + " thread_id \"" + stored.id() + "\" to go on.");
    }
  }

  /** An error result that still says which thread, and where it stands. */
  private CallToolResult failure(StoredThread stored, String message) {
    Map<String, Object> content = new LinkedHashMap<>();
    content.put("thread_id", stored.id());
    content.put("status", agent.status(stored.thread()).wireName());
    content.put("error", message);
    return Results.object(content, message, true);
  }

  /** Runs the thread until it finishes or waits on a human the client cannot ask. */
  private CallToolResult run(McpSyncServerExchange exchange, Runs runs, StoredThread start) {
    StoredThread stored = start;
    while (true) {
      stored = runs.run(agent, maxSteps, stored);
      AgentThread thread = stored.thread();
      Status status = agent.status(thread);
      boolean canAsk = Elicitation.supported(exchange);
      if ((status != Status.WAITING_FOR_HUMAN && status != Status.WAITING_FOR_APPROVAL)
          || !canAsk) {
        return result(stored, canAsk);
      }
      Optional<PendingCall> pending = agent.pending(thread);
      String question = agent.question(thread).orElse("The agent waits for you.");
      if (status == Status.WAITING_FOR_APPROVAL && pending.isPresent()) {
        ElicitResult answer = Elicitation.ask(exchange, question, Elicitation.APPROVAL);
        if (answer.action() == ElicitResult.Action.CANCEL) {
          return result(stored, true); // dismissed: still waiting, asked again on the next call
        }
        // A declined form is the user saying no, as an unticked box is.
        Object comment = Elicitation.value(answer, "comment");
        boolean approved = answer.action() == ElicitResult.Action.ACCEPT
            && Boolean.TRUE.equals(Elicitation.value(answer, "approve"));
        stored = advance(runs, stored, agent.decide(thread, pending.get().callId(), approved,
            comment instanceof String text && !text.isBlank() ? text
                : answer.action() == ElicitResult.Action.DECLINE ? "declined by the user" : null));
      } else {
        ElicitResult answer = Elicitation.ask(exchange, question, Elicitation.ANSWER);
        if (answer.action() != ElicitResult.Action.ACCEPT
            || !(Elicitation.value(answer, "answer") instanceof String text) || text.isBlank()) {
          return result(stored, true);
        }
        stored = advance(runs, stored, agent.respond(thread, text));
      }
    }
  }

  /** Stores what {@code next} added to {@code stored}, with the status it has. */
  private StoredThread advance(Runs runs, StoredThread stored, AgentThread next) {
    return runs.store(stored, next, agent.status(next));
  }

  /** A thread with the caller's answer in it, or why the answer does not fit. */
  private record Resumed(AgentThread thread, String refusal) {
    static Resumed refused(String refusal) {
      return new Resumed(null, refusal);
    }
  }

  /**
   * Puts the caller's answer into the thread, as its status expects. A client that can ask its
   * user gets no say in approvals by argument: its user answers the form the run puts to them.
   */
  private Resumed resume(McpSyncServerExchange exchange, StoredThread stored, String message,
      Boolean approve, String callId) {
    AgentThread thread = stored.thread();
    Status status = agent.status(thread);
    String id = stored.id();
    boolean canAsk = Elicitation.supported(exchange);
    if (status != Status.WAITING_FOR_APPROVAL && (approve != null || callId != null)) {
      return Resumed.refused("thread " + id + " is " + status.wireName()
          + ", not waiting for an approval; approve and call_id do not apply");
    }
    switch (status) {
      case WAITING_FOR_APPROVAL -> {
        PendingCall pending = agent.pending(thread).orElseThrow();
        if (canAsk) {
          if (approve != null || callId != null || message != null) {
            return Resumed.refused("thread " + id + " waits for an approval, which this client's"
                + " user gives in the form " + name + " shows them; call again with thread_id"
                + " alone");
          }
          return new Resumed(thread, null);
        }
        if (approve == null || callId == null) {
          return Resumed.refused("thread " + id + " waits for an approval: " + pending.question()
              + " Call again with call_id \"" + pending.callId() + "\" and approve true or"
              + " false.");
        }
        if (!callId.equals(pending.callId())) {
          return Resumed.refused("thread " + id + " waits for an approval of call_id \""
              + pending.callId() + "\" (" + pending.question() + "), not \"" + callId + "\"");
        }
        return new Resumed(agent.decide(thread, callId, approve, message), null);
      }
      case WAITING_FOR_HUMAN -> {
        if (message != null && !message.isBlank()) {
          return new Resumed(agent.respond(thread, message), null);
        }
        if (canAsk) {
          return new Resumed(thread, null);
        }
        return Resumed.refused("thread " + id + " waits for an answer: "
            + agent.question(thread).orElse("") + " Call again with the answer as message.");
      }
      case DONE, FAILED -> {
        if (message == null || message.isBlank()) {
          return Resumed.refused("thread " + id + " is " + status.wireName()
              + "; give a message to go on with it");
        }
        return new Resumed(agent.userInput(thread, message), null);
      }
      case RUNNING -> {
        if (message != null) {
          return Resumed.refused("thread " + id + " is running, not waiting for a message; call"
              + " again with thread_id alone to go on with it");
        }
        return new Resumed(thread, null);
      }
      default -> throw new IllegalStateException("unknown status " + status);
    }
  }

  /**
   * Where the thread stands, as text for the model and as structured content; {@code canAsk}:
   * whether this client shows its user forms, so a paused thread is resumed by asking again.
   */
  private CallToolResult result(StoredThread stored, boolean canAsk) {
    AgentThread thread = stored.thread();
    Status status = agent.status(thread);
    Map<String, Object> content = new LinkedHashMap<>();
    content.put("thread_id", stored.id());
    content.put("status", status.wireName());
    String text;
    switch (status) {
      case DONE -> {
        String answer = finalAnswer(thread);
        content.put("answer", answer);
        text = answer;
      }
      case WAITING_FOR_HUMAN, WAITING_FOR_APPROVAL -> {
        String question = agent.question(thread).orElse("The agent waits for you.");
        content.put("question", question);
        Optional<PendingCall> pending = status == Status.WAITING_FOR_APPROVAL
            ? agent.pending(thread) : Optional.empty();
        pending.ifPresent(call -> content.put("call_id", call.callId()));
        text = question + "\n\n(" + name + " is paused: call it again with thread_id \""
            + stored.id() + "\" and "
            + (canAsk
                ? pending.map(call -> "nothing else, to ask the user again)")
                    .orElse("the answer as message, or nothing else to ask the user again)")
                : pending.map(call -> "call_id \"" + call.callId() + "\" and approve true or"
                    + " false, and a message as the comment if you like)")
                    .orElse("the answer as message)"));
      }
      case FAILED -> {
        String reason = String.valueOf(thread.events().getLast().data());
        content.put("error", reason);
        text = name + " stopped: " + reason;
      }
      default -> {
        text = name + " is still running thread " + stored.id() + "; call again with its"
            + " thread_id to go on";
      }
    }
    return Results.object(content, text, status == Status.FAILED);
  }

  private static String finalAnswer(AgentThread thread) {
    for (Event event : thread.events().reversed()) {
      if (event.data() instanceof FinalAnswer answer) {
        return answer.message();
      }
      if (event.type().equals(EventTypes.USER_INPUT)) {
        break;
      }
    }
    return String.valueOf(thread.events().getLast().data());
  }
}
