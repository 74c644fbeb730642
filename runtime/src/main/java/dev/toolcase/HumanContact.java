package dev.toolcase;

/**
 * A step that asks a human. The loop pauses the thread when the model chooses such a step and
 * resumes it when a {@code human_response} event arrives; no Java thread waits meanwhile.
 */
public interface HumanContact {

  /**
   * The question or message for the human.
   *
   * @return the message
   */
  String message();
}
