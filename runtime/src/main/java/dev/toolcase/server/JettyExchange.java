package dev.toolcase.server;

import java.io.InputStream;
import java.nio.ByteBuffer;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/** An {@link Exchange} on Jetty's request, response and completion callback. */
final class JettyExchange implements Exchange {

  private final Request request;
  private final Response response;
  private final Callback callback;
  private boolean sent;

  JettyExchange(Request request, Response response, Callback callback) {
    this.request = request;
    this.response = response;
    this.callback = callback;
  }

  @Override
  public String method() {
    return request.getMethod();
  }

  @Override
  public String rawPath() {
    return request.getHttpURI().getPath();
  }

  @Override
  public String rawQuery() {
    return request.getHttpURI().getQuery();
  }

  @Override
  public String header(String name) {
    return request.getHeaders().get(name);
  }

  @Override
  public InputStream body() {
    return Content.Source.asInputStream(request);
  }

  @Override
  public void respondHeader(String name, String value) {
    response.getHeaders().put(name, value);
  }

  @Override
  public void send(int status, byte[] body) {
    sent = true;
    response.setStatus(status);
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json; charset=utf-8");
    response.getHeaders().put(HttpHeader.CONTENT_LENGTH, String.valueOf(body.length));
    response.write(true, ByteBuffer.wrap(body), callback);
  }

  /** Whether a response was sent; the server fails the exchange otherwise. */
  boolean sent() {
    return sent;
  }
}
