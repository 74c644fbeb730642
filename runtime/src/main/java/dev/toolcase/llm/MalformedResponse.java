package dev.toolcase.llm;

/**
 * Thrown by the response parsers when a body is not a response of the expected shape. Callers
 * turn it into an {@link LlmException} that says where the body came from.
 */
final class MalformedResponse extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** A body that is not a response, and why. */
  MalformedResponse(String detail) {
    super(detail);
  }
}
