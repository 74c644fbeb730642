package dev.toolcase;

import java.util.Objects;

/**
 * The tool call a paused thread waits on: a question for a human, or a call awaiting approval.
 *
 * @param callId the call's id, {@code call_<index of its event>}; an approval must name it
 * @param intent the tool's intent
 * @param step the typed step
 * @param question what the human is asked
 */
public record PendingCall(String callId, String intent, Object step, String question) {

  /** Validates that all parts are present. */
  public PendingCall {
    Objects.requireNonNull(callId, "callId");
    Objects.requireNonNull(intent, "intent");
    Objects.requireNonNull(step, "step");
    Objects.requireNonNull(question, "question");
  }

  /**
   * The id of the tool call at {@code index} in its thread.
   *
   * @param index the index of the call's event
   * @return {@code call_<index>}
   */
  public static String idOf(int index) {
    return "call_" + index;
  }
}
