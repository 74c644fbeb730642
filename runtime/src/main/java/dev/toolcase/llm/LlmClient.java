package dev.toolcase.llm;

/**
 * A language model behind one call: messages in, one reply out.
 *
 * <p>Implementations are thread-safe. They do not keep conversation state: every request carries
 * the whole context the model should see.
 */
@FunctionalInterface
public interface LlmClient {

  /**
   * Sends the request and returns the model's reply.
   *
   * @param request the request
   * @return the model's reply
   * @throws LlmException if the model could not be reached, refused the request, or answered with
   *     something that is not a reply, after any retries the client makes
   */
  LlmResponse complete(LlmRequest request);
}
