package dev.toolcase;

import java.util.Locale;

/** Where a thread stands, derived from its events and the agent's approval policy. */
public enum Status {
  /** The agent has work to do: ask the model or run a tool. */
  RUNNING,
  /** Paused until a human answers a question (a {@link HumanContact} step, or an escalation). */
  WAITING_FOR_HUMAN,
  /** Paused until a human approves or rejects the pending tool call. */
  WAITING_FOR_APPROVAL,
  /** Finished with a {@link FinalAnswer}. */
  DONE,
  /** Stopped and will not go on by itself: it hit a limit. */
  FAILED;

  /**
   * The name used over HTTP: {@code waiting_for_human}.
   *
   * @return the lower-case name
   */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
