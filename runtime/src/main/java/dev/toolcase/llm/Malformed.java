package dev.toolcase.llm;

import java.net.URI;

/** Turns a {@link MalformedResponse} into the {@link LlmException} a caller sees. */
final class Malformed {

  private Malformed() {}

  /** The exception for a successful HTTP reply whose body is not a response. */
  static LlmException reply(URI endpoint, HttpCaller.Reply reply, MalformedResponse cause) {
    return new LlmException(
        "POST " + endpoint + " returned " + reply.status() + " with a malformed body: "
            + cause.getMessage(),
        reply.status(), "malformed_response", cause.getMessage(), false, reply.attempts(), cause);
  }
}
