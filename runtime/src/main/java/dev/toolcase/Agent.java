package dev.toolcase;

import dev.toolcase.codec.StepCodec;
import dev.toolcase.json.Json;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * One agent: a prompt that picks the next step, a handler that runs it, and an approval policy.
 * {@link #step} does exactly one thing and returns the new thread (factor 12: the agent is a
 * reducer over its thread); {@link AgentLoop} runs steps until the thread pauses or finishes.
 *
 * <pre>{@code
 * Agent<DeployBotNextStep> agent = Agent.builder(DeployBotTools.CODEC)
 *     .nextStep(DeployBotPrompts.using(client)::determineNextStep)
 *     .handler(new MyDeployHandler()::handle)
 *     .approvalPolicy(step -> step instanceof DeployBackend d && d.environment() == production)
 *     .build();
 * }</pre>
 *
 * <p>Nothing here blocks while a human decides: a paused thread is returned as it is, and goes on
 * when {@link #respond} or {@link #decide} appends the human's answer.
 *
 * @param <S> the union of steps
 */
public final class Agent<S> {

  private final StepCodec<S> codec;
  private final Function<AgentThread, ? extends List<? extends S>> model;
  private final Function<? super S, ?> handler;
  private final Predicate<? super S> approvalPolicy;
  private final Predicate<? super S> rerunInterrupted;
  private final int maxConsecutiveErrors;
  private final Clock clock;

  private Agent(Builder<S> builder) {
    this.codec = builder.codec;
    this.model = Objects.requireNonNull(builder.model, "nextStep or nextSteps is required");
    this.handler = Objects.requireNonNull(builder.handler, "handler is required");
    this.approvalPolicy = builder.approvalPolicy;
    this.rerunInterrupted = builder.rerunInterrupted;
    this.maxConsecutiveErrors = builder.maxConsecutiveErrors;
    this.clock = builder.clock;
  }

  /**
   * Starts an agent over the union that {@code codec} (a generated {@code XTools.CODEC}) reads.
   *
   * @param <S> the union of steps
   * @param codec the union's codec
   * @return a builder for the agent
   */
  public static <S> Builder<S> builder(StepCodec<S> codec) {
    return new Builder<>(codec);
  }

  /**
   * The codec of this agent's union.
   *
   * @return the agent's codec
   */
  public StepCodec<S> codec() {
    return codec;
  }

  // ---------------------------------------------------------------- derived state

  /**
   * Where {@code thread} stands.
   *
   * @param thread the thread
   * @return the thread's status
   */
  public Status status(AgentThread thread) {
    Optional<Event> last = thread.lastEvent();
    if (last.isEmpty()) {
      return Status.RUNNING;
    }
    Event event = last.get();
    if (event.type().equals(EventTypes.ESCALATION)) {
      return Status.WAITING_FOR_HUMAN;
    }
    if (event.type().equals(EventTypes.FAILURE)) {
      return Status.FAILED;
    }
    Optional<Turns.Call> current = current(thread);
    if (current.isEmpty()) {
      return Status.RUNNING;
    }
    Turns.Call call = current.get();
    S step = stepOf(thread.events().get(call.index()));
    if (step instanceof FinalAnswer) {
      return Status.DONE;
    }
    if (step instanceof HumanContact) {
      return Status.WAITING_FOR_HUMAN;
    }
    if (interrupted(call, step)) {
      return Status.WAITING_FOR_APPROVAL;
    }
    return needsApproval(step) && !call.approved() && call.started() < 0
        ? Status.WAITING_FOR_APPROVAL
        : Status.RUNNING;
  }

  /**
   * Whether a call was started and has no result: its run stopped (the process died, say) after
   * the tool began and before its result was stored. It may or may not have done its work, so it
   * runs again only when a human approves, or when the agent says it is safe to repeat.
   */
  private boolean interrupted(Turns.Call call, S step) {
    return call.started() >= 0 && !call.approved() && !rerunInterrupted.test(step);
  }

  /**
   * The call of the model's last turn that runs or waits next: the first that has not finished.
   * A turn may hold several calls; they run in order, each pausing the thread where it needs a
   * human.
   */
  private Optional<Turns.Call> current(AgentThread thread) {
    List<Event> events = thread.events();
    return Turns.open(events, i -> stepOf(events.get(i)) != null).flatMap(Turns.Turn::current);
  }

  /**
   * The call a paused thread waits on, if it waits on one.
   *
   * @param thread the thread
   * @return the pending call, or empty when the thread waits on none
   */
  public Optional<PendingCall> pending(AgentThread thread) {
    Status status = status(thread);
    if (status != Status.WAITING_FOR_HUMAN && status != Status.WAITING_FOR_APPROVAL) {
      return Optional.empty();
    }
    if (thread.events().getLast().type().equals(EventTypes.ESCALATION)) {
      return Optional.empty(); // a question, but no call
    }
    Turns.Call call = current(thread).orElseThrow();
    int index = call.index();
    S step = stepOf(thread.events().get(index));
    String question = step instanceof HumanContact contact
        ? contact.message()
        : interrupted(call, step)
            ? codec.intentOf(step) + " " + codec.argumentsJson(step) + " was started at "
                + thread.events().get(call.started()).at() + " and no result was stored: the run"
                + " may have stopped while it ran. Approve to run it again, or reject and say"
                + " whether it ran."
            : "Approve " + codec.intentOf(step) + " " + codec.argumentsJson(step) + "?";
    return Optional.of(new PendingCall(PendingCall.idOf(index), codec.intentOf(step), step, question));
  }

  /**
   * The question of a thread waiting for a human: its pending call's, or the escalation's.
   *
   * @param thread the thread
   * @return the question, or empty when the thread asks none
   */
  public Optional<String> question(AgentThread thread) {
    if (status(thread) != Status.WAITING_FOR_HUMAN) {
      return pending(thread).map(PendingCall::question);
    }
    Event last = thread.events().getLast();
    return last.type().equals(EventTypes.ESCALATION)
        ? Optional.of(String.valueOf(last.data()))
        : pending(thread).map(PendingCall::question);
  }

  /**
   * Errors since the last thing that went right: a tool result or a human's word.
   *
   * @param thread the thread
   * @return the number of {@code error} events since then
   */
  public int consecutiveErrors(AgentThread thread) {
    int errors = 0;
    List<Event> events = thread.events();
    for (int i = events.size() - 1; i >= 0; i--) {
      String type = events.get(i).type();
      if (type.equals(EventTypes.ERROR)) {
        errors++;
      } else if (EventTypes.isResult(type) || type.equals(EventTypes.HUMAN_RESPONSE)
          || type.equals(EventTypes.USER_INPUT) || type.equals(EventTypes.APPROVAL)) {
        break;
      }
    }
    return errors;
  }

  private boolean needsApproval(S step) {
    return codec.requiresApproval(step) || approvalPolicy.test(step);
  }

  private S stepOf(Event event) {
    return codec.stepType().isInstance(event.data()) ? codec.stepType().cast(event.data()) : null;
  }

  // ---------------------------------------------------------------- claimed runs

  /**
   * The call {@link #step} would run now, if it would run one (rather than ask the model): for a
   * run loop that claims each call durably before it runs, as {@code AgentServer} does.
   *
   * @param thread the thread
   * @return the call, or empty when the next step is no tool run
   */
  public Optional<PendingCall> callToRun(AgentThread thread) {
    if (status(thread) != Status.RUNNING) {
      return Optional.empty();
    }
    return current(thread).map(call -> {
      S step = stepOf(thread.events().get(call.index()));
      return new PendingCall(PendingCall.idOf(call.index()), codec.intentOf(step), step,
          "Run " + codec.intentOf(step) + "?");
    });
  }

  /**
   * {@code thread} with a {@code started} event claiming the call {@link #callToRun} names: store
   * it (compare-and-set) before calling {@link #runClaimed}, and a second run sees the claim.
   *
   * @param thread the thread, whose next step runs a call
   * @param run an id of the run that claims it
   * @param until when the claim lapses: a run still going after it should have renewed it
   * @return the thread with the claim
   * @throws IllegalStateException if the next step runs no call
   */
  public AgentThread claim(AgentThread thread, String run, java.time.Instant until) {
    PendingCall call = callToRun(thread).orElseThrow(() -> new IllegalStateException(
        "the thread is " + status(thread).wireName() + " and runs no call next"));
    ObjectNode data = Json.mapper().createObjectNode();
    data.put("call_id", call.callId());
    data.put("run", run);
    data.put("until", until.toString());
    return thread.append(event(EventTypes.STARTED, data));
  }

  /**
   * Runs the call that the thread's last event, a {@code started} claim, names, and appends its
   * result (or a compact error).
   *
   * @param thread the thread as stored with the claim
   * @return the thread with the call's outcome
   * @throws IllegalStateException if the last event is no claim of the current call
   */
  public AgentThread runClaimed(AgentThread thread) {
    Turns.Call call = current(thread).orElseThrow(() ->
        new IllegalStateException("the thread has no call to run"));
    if (call.started() != thread.events().size() - 1) {
      throw new IllegalStateException("the thread's last event is no claim of call_"
          + call.index());
    }
    return run(thread, stepOf(thread.events().get(call.index())));
  }

  // ---------------------------------------------------------------- one step

  /**
   * Does one thing: runs the next tool call of the model's last turn, or asks the model for the
   * next turn (one step, or several calls at once, each appended as its own event), or nothing
   * when the thread is paused or done. Handler exceptions and unreadable model output become compact
   * {@code error} events; after {@code maxConsecutiveErrors} of them the thread escalates to a
   * human instead of looping. Failures to reach the model ({@code LlmException}) propagate and
   * leave the thread as it was, so the step can be retried.
   *
   * @param thread the thread
   * @return the thread after the step; {@code thread} itself when it is paused or done
   * @throws dev.toolcase.llm.LlmException if the model cannot be reached; the thread is unchanged
   */
  public AgentThread step(AgentThread thread) {
    if (status(thread) != Status.RUNNING) {
      return thread;
    }
    Optional<Turns.Call> current = current(thread);
    if (current.isPresent()) {
      return run(thread, stepOf(thread.events().get(current.get().index())));
    }
    int errors = consecutiveErrors(thread);
    if (errors >= maxConsecutiveErrors) {
      return thread.append(event(EventTypes.ESCALATION, errors
          + " errors in a row; the last was: " + thread.events().getLast().data()
          + "\nHow should I go on?"));
    }
    List<? extends S> next;
    try {
      next = model.apply(thread);
      if (next == null || next.isEmpty() || next.stream().anyMatch(Objects::isNull)) {
        throw new ParseException("expected at least one step, got none");
      }
    } catch (ParseException e) {
      return thread.append(event(EventTypes.ERROR, e.getMessage()));
    }
    // Each call of the turn is an event of its own; the next steps run them in order.
    AgentThread grown = thread;
    for (S call : next) {
      grown = grown.append(event(codec.intentOf(call), call));
    }
    return grown;
  }

  private AgentThread run(AgentThread thread, S step) {
    String intent = codec.intentOf(step);
    Object result;
    try {
      result = handler.apply(step);
    } catch (RuntimeException e) {
      String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
      return thread.append(event(EventTypes.ERROR, intent + " failed: " + message));
    }
    return thread.append(event(EventTypes.resultOf(intent), resultData(result)));
  }

  private static Object resultData(Object result) {
    return switch (result) {
      case null -> "done";
      case String text -> text;
      case JsonNode node when node.isString() -> node.stringValue();
      case JsonNode node -> node;
      case Number number -> Json.mapper().getNodeFactory().numberNode(new java.math.BigDecimal(number.toString()));
      case Boolean flag -> Json.mapper().getNodeFactory().booleanNode(flag);
      default -> result.toString();
    };
  }

  // ---------------------------------------------------------------- human input

  /**
   * Starts or continues a thread with the user's message.
   *
   * @param thread the thread, possibly empty
   * @param message the user's message
   * @return the thread with a {@code user_input} event
   * @throws IllegalStateException if the thread is not ready for one (it waits on a decision)
   */
  public AgentThread userInput(AgentThread thread, String message) {
    Status status = status(thread);
    if (status == Status.WAITING_FOR_APPROVAL) {
      throw new IllegalStateException("the thread waits for an approval, not a message");
    }
    return thread.append(event(EventTypes.USER_INPUT, message));
  }

  /**
   * Answers the question a thread waits on.
   *
   * @param thread the thread waiting for a human
   * @param answer the human's answer
   * @return the thread with a {@code human_response} event
   * @throws IllegalStateException if the thread does not wait for a human's answer
   */
  public AgentThread respond(AgentThread thread, String answer) {
    Status status = status(thread);
    if (status != Status.WAITING_FOR_HUMAN) {
      throw new IllegalStateException("the thread is " + status.wireName() + ", not waiting_for_human");
    }
    return thread.append(event(EventTypes.HUMAN_RESPONSE, answer));
  }

  /**
   * Approves or rejects the pending call {@code callId}. An approval runs exactly that call on the
   * next step; a rejection's comment goes to the model.
   *
   * @param thread the thread waiting for approval
   * @param callId the id of the pending call
   * @param approved whether the call may run
   * @param comment a comment for the model, or {@code null}
   * @return the thread with an {@code approval} event
   * @throws IllegalStateException if the thread does not wait for approval of {@code callId}
   */
  public AgentThread decide(AgentThread thread, String callId, boolean approved, String comment) {
    Optional<PendingCall> pending = pending(thread);
    if (status(thread) != Status.WAITING_FOR_APPROVAL || pending.isEmpty()) {
      throw new IllegalStateException("the thread is " + status(thread).wireName()
          + ", not waiting_for_approval");
    }
    if (!pending.get().callId().equals(callId)) {
      throw new IllegalStateException("the thread waits for approval of " + pending.get().callId()
          + ", not " + callId);
    }
    ObjectNode decision = Json.mapper().createObjectNode();
    decision.put("call_id", callId);
    decision.put("approved", approved);
    if (comment != null && !comment.isBlank()) {
      decision.put("comment", comment);
    }
    return thread.append(event(EventTypes.APPROVAL, decision));
  }

  /**
   * Stops the thread for good with a {@code failure} event saying why.
   *
   * @param thread the thread
   * @param reason why it stops
   * @return the thread with a {@code failure} event
   */
  public AgentThread fail(AgentThread thread, String reason) {
    return thread.append(event(EventTypes.FAILURE, reason));
  }

  private Event event(String type, Object data) {
    return new Event(type, data, clock.instant());
  }

  /**
   * Builds an {@link Agent}.
   *
   * @param <S> the union of steps
   */
  public static final class Builder<S> {
    private final StepCodec<S> codec;
    private Function<AgentThread, ? extends List<? extends S>> model;
    private Function<? super S, ?> handler;
    private Predicate<? super S> approvalPolicy = step -> false;
    private Predicate<? super S> rerunInterrupted = step -> false;
    private int maxConsecutiveErrors = 3;
    private Clock clock = Clock.systemUTC();

    private Builder(StepCodec<S> codec) {
      this.codec = Objects.requireNonNull(codec, "codec");
    }

    /**
     * How the next step is chosen: usually a generated prompt method,
     * {@code prompts::determineNextStep}.
     *
     * @param model picks the next step for a thread
     * @return this builder
     */
    public Builder<S> nextStep(Function<AgentThread, ? extends S> model) {
      Objects.requireNonNull(model);
      this.model = thread -> {
        S step = model.apply(thread);
        return step == null ? List.of() : List.of(step);
      };
      return this;
    }

    /**
     * How the next turn is chosen when the model may call several tools at once: usually a
     * generated prompt method that returns {@code List<XNextStep>}. Each call becomes an event of
     * its own and they run in order; the first that needs an approval or a human pauses the
     * thread, and the rest run after the answer.
     *
     * @param model picks the next calls for a thread, at least one
     * @return this builder
     */
    public Builder<S> nextSteps(Function<AgentThread, ? extends List<? extends S>> model) {
      this.model = Objects.requireNonNull(model);
      return this;
    }

    /**
     * How a step runs: usually {@code handler::handle} of a generated {@code XHandler}. It returns
     * the result the model sees: text, a Jackson {@code JsonNode}, a number or a boolean
     * ({@code null} reads as {@code "done"}; anything else as its {@code toString()}).
     *
     * @param handler runs a step and returns its result
     * @return this builder
     */
    public Builder<S> handler(Function<? super S, ?> handler) {
      this.handler = Objects.requireNonNull(handler);
      return this;
    }

    /**
     * Which steps wait for a human's approval, besides tools marked {@code @Tool(approval = true)}.
     *
     * @param policy whether a step waits for approval
     * @return this builder
     */
    public Builder<S> approvalPolicy(Predicate<? super S> policy) {
      this.approvalPolicy = Objects.requireNonNull(policy);
      return this;
    }

    /**
     * Which steps run again by themselves when a run stopped while they ran (a crash between the
     * tool starting and its result being stored): tools that are safe to repeat. Any other such
     * call waits for a human's approval to run again. Default: none.
     *
     * @param idempotent whether a step may simply run again
     * @return this builder
     */
    public Builder<S> rerunInterrupted(Predicate<? super S> idempotent) {
      this.rerunInterrupted = Objects.requireNonNull(idempotent);
      return this;
    }

    /**
     * After this many errors in a row the thread escalates to a human (default 3).
     *
     * @param limit the errors in a row, at least 1
     * @return this builder
     */
    public Builder<S> maxConsecutiveErrors(int limit) {
      if (limit < 1) {
        throw new IllegalArgumentException("maxConsecutiveErrors must be at least 1");
      }
      this.maxConsecutiveErrors = limit;
      return this;
    }

    /**
     * The clock that stamps events.
     *
     * @param clock the clock
     * @return this builder
     */
    public Builder<S> clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock);
      return this;
    }

    /**
     * The agent.
     *
     * @return the agent
     */
    public Agent<S> build() {
      return new Agent<>(this);
    }
  }
}
