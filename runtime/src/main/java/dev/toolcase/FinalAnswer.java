package dev.toolcase;

/** A step that ends the thread with a message for the human. */
public interface FinalAnswer {

  /**
   * The final message.
   *
   * @return the message
   */
  String message();
}
