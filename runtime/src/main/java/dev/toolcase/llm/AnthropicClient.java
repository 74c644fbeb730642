package dev.toolcase.llm;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A client for the Anthropic Messages API ({@code POST <baseUrl>/v1/messages}).
 *
 * <p>{@link OutputMode#JSON_SCHEMA} has no native equivalent there: the schema goes into the
 * system prompt with an instruction to answer with JSON only, and the answer comes back as text.
 * Immutable and thread-safe. Build one with {@link #builder()}.
 */
public final class AnthropicClient implements LlmClient {

  /** Anthropic's base URL. */
  public static final String DEFAULT_BASE_URL = "https://api.anthropic.com";

  /** The API version sent in {@code anthropic-version}. */
  public static final String API_VERSION = "2023-06-01";

  /** The token limit of requests that set none; the API requires one. */
  public static final int DEFAULT_MAX_TOKENS = 1024;

  private final URI endpoint;
  private final String model;
  private final int maxTokens;
  private final Map<String, String> headers;
  private final HttpCaller caller;

  private AnthropicClient(Builder builder) {
    if (builder.apiKey() == null) {
      throw new IllegalStateException("an API key is required: call apiKey(...)");
    }
    this.endpoint = builder.endpoint("/v1/messages");
    this.model = builder.model();
    this.maxTokens = builder.maxTokens;
    Map<String, String> all = new LinkedHashMap<>();
    all.put("x-api-key", builder.apiKey());
    all.put("anthropic-version", API_VERSION);
    all.putAll(builder.headers());
    this.headers = Map.copyOf(all);
    this.caller = builder.caller();
  }

  /**
   * A builder with Anthropic's base URL; set at least the API key and the model.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The exact JSON body {@link #complete} sends for {@code request}, without sending it: for
   * logging, tests and token counts.
   *
   * @param request the request
   * @return the JSON body
   */
  public String requestBody(LlmRequest request) {
    return AnthropicRequestWriter.write(request, model, maxTokens);
  }

  /** {@inheritDoc} */
  @Override
  public LlmResponse complete(LlmRequest request) {
    String body = requestBody(request);
    HttpCaller.Reply reply = caller.post(endpoint, headers, body);
    try {
      return AnthropicResponseParser.parse(reply.body());
    } catch (MalformedResponse e) {
      throw Malformed.reply(endpoint, reply, e);
    }
  }

  /** Settings for an {@link AnthropicClient}. */
  public static final class Builder extends LlmClientBuilder<Builder> {

    private int maxTokens = DEFAULT_MAX_TOKENS;

    private Builder() {
      super(DEFAULT_BASE_URL);
    }

    @Override
    Builder self() {
      return this;
    }

    /**
     * The token limit of requests that set none (default {@value
     * AnthropicClient#DEFAULT_MAX_TOKENS}).
     *
     * @param limit the token limit, positive
     * @return this builder
     */
    public Builder maxTokens(int limit) {
      if (limit < 1) {
        throw new IllegalArgumentException("maxTokens must be positive: " + limit);
      }
      this.maxTokens = limit;
      return this;
    }

    /**
     * The client.
     *
     * @return the client
     */
    public AnthropicClient build() {
      return new AnthropicClient(this);
    }
  }
}
