package dev.toolcase;

/** The event types the runtime writes and reads. A tool call's type is its intent. */
public final class EventTypes {

  /** The user's message that starts or continues a thread (text). */
  public static final String USER_INPUT = "user_input";
  /** A compact error the model sees on its next turn (text). */
  public static final String ERROR = "error";
  /** A human's answer to a question or escalation (text). */
  public static final String HUMAN_RESPONSE = "human_response";
  /** A decision on a pending call: {@code {"call_id", "approved", "comment"}}. */
  public static final String APPROVAL = "approval";
  /** The loop handing over to a human after too many consecutive errors (text). */
  public static final String ESCALATION = "escalation";
  /** The thread stopped at a limit and will not go on by itself (text). */
  public static final String FAILURE = "failure";
  /**
   * A run claimed a call and is about to run it: {@code {"call_id", "run", "until"}}, stored
   * before the tool runs, so two runs cannot both run it, and a run that stops before the result
   * is stored leaves the call visibly started, with no result, for a human to decide on.
   */
  public static final String STARTED = "started";

  private static final String RESULT_SUFFIX = "_result";

  private EventTypes() {}

  /**
   * The type of a tool's result: {@code <intent>_result}.
   *
   * @param intent the tool's intent
   * @return the result's event type
   */
  public static String resultOf(String intent) {
    return intent + RESULT_SUFFIX;
  }

  /**
   * Whether {@code type} is a tool result.
   *
   * @param type an event type
   * @return whether it ends with {@code _result}
   */
  public static boolean isResult(String type) {
    return type.endsWith(RESULT_SUFFIX);
  }
}
