package dev.toolcase;

import java.util.Objects;
import java.util.function.Consumer;

/**
 * Runs an {@link Agent}'s steps until the thread finishes, pauses for a human, or hits the step
 * limit. Users who want their own control flow call {@link Agent#step} themselves.
 *
 * @param <S> the union of steps
 */
public final class AgentLoop<S> {

  /** The steps one {@link #run} takes at most, by default. */
  public static final int DEFAULT_MAX_STEPS = 20;

  private final Agent<S> agent;
  private final int maxSteps;

  /**
   * A loop over {@code agent} with at most {@code maxSteps} steps per run.
   *
   * @param agent the agent whose steps to run
   * @param maxSteps the steps one run takes at most, at least 1
   */
  public AgentLoop(Agent<S> agent, int maxSteps) {
    this.agent = Objects.requireNonNull(agent, "agent");
    if (maxSteps < 1) {
      throw new IllegalArgumentException("maxSteps must be at least 1");
    }
    this.maxSteps = maxSteps;
  }

  /**
   * A loop over {@code agent} with the default step limit.
   *
   * @param agent the agent whose steps to run
   */
  public AgentLoop(Agent<S> agent) {
    this(agent, DEFAULT_MAX_STEPS);
  }

  /**
   * Runs until the thread stops running; see {@link #run(AgentThread, Consumer)}.
   *
   * @param thread the thread to go on with
   * @return where the run stopped
   */
  public Outcome run(AgentThread thread) {
    return run(thread, event -> { });
  }

  /**
   * Runs steps while the thread is running, at most {@code maxSteps}. When the limit is hit the
   * thread gets a {@code failure} event, so it stops for good and says why.
   *
   * @param thread the thread to go on with
   * @param onEvent called with each new event, as the thread grows
   * @return where the run stopped
   */
  public Outcome run(AgentThread thread, Consumer<Event> onEvent) {
    AgentThread current = thread;
    for (int steps = 0; steps < maxSteps; steps++) {
      if (agent.status(current) != Status.RUNNING) {
        return outcome(current);
      }
      AgentThread next = agent.step(current);
      for (int i = current.events().size(); i < next.events().size(); i++) {
        onEvent.accept(next.events().get(i));
      }
      current = next;
    }
    if (agent.status(current) == Status.RUNNING) {
      current = agent.fail(current, "stopped after " + maxSteps + " steps without finishing");
      onEvent.accept(current.events().getLast());
    }
    return outcome(current);
  }

  private Outcome outcome(AgentThread thread) {
    return new Outcome(thread, agent.status(thread));
  }

  /**
   * Where a run stopped.
   *
   * @param thread the thread as it is now
   * @param status why the run stopped: done, waiting for a human or an approval, or failed
   */
  public record Outcome(AgentThread thread, Status status) {
    /** Validates the parts. */
    public Outcome {
      Objects.requireNonNull(thread, "thread");
      Objects.requireNonNull(status, "status");
    }
  }
}
