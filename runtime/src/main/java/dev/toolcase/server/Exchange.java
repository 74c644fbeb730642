package dev.toolcase.server;

import java.io.IOException;
import java.io.InputStream;

/**
 * One HTTP request and its response, as the endpoints see them: whatever server carries them,
 * the endpoints read the same few things and answer the same way.
 */
interface Exchange {

  /** The request's method, such as {@code POST}. */
  String method();

  /** The request's path, not decoded. */
  String rawPath();

  /** The request's query, not decoded, or {@code null} when there is none. */
  String rawQuery();

  /** The first value of a request header, or {@code null}. */
  String header(String name);

  /** The request's body. */
  InputStream body();

  /** Sets a response header. */
  void respondHeader(String name, String value);

  /** Sends the response: {@code status}, and {@code body} as JSON. */
  void send(int status, byte[] body) throws IOException;
}
