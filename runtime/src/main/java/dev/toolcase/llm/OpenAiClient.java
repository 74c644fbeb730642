package dev.toolcase.llm;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A client for the OpenAI chat completions API ({@code POST <baseUrl>/chat/completions}) and every
 * server that speaks it: OpenAI, Ollama, vLLM, llama.cpp and others.
 *
 * <p>Immutable and thread-safe. Build one with {@link #builder()}.
 */
public final class OpenAiClient implements LlmClient {

  /** OpenAI's own base URL. */
  public static final String DEFAULT_BASE_URL = "https://api.openai.com/v1";

  private final URI endpoint;
  private final String model;
  private final String maxTokensField;
  private final Map<String, String> headers;
  private final HttpCaller caller;

  private OpenAiClient(Builder builder) {
    this.endpoint = builder.endpoint("/chat/completions");
    this.model = builder.model();
    this.maxTokensField = builder.maxTokensField;
    Map<String, String> all = new LinkedHashMap<>();
    if (builder.apiKey() != null) {
      all.put("Authorization", "Bearer " + builder.apiKey());
    }
    all.putAll(builder.headers());
    this.headers = Map.copyOf(all);
    this.caller = builder.caller();
  }

  /**
   * A builder with OpenAI's base URL; set at least the model and, for OpenAI, the API key.
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
    return OpenAiRequestWriter.write(request, model, maxTokensField);
  }

  /** {@inheritDoc} */
  @Override
  public LlmResponse complete(LlmRequest request) {
    OpenAiLimits.check(request, endpoint.toString());
    String body = requestBody(request);
    HttpCaller.Reply reply = caller.post(endpoint, headers, body);
    try {
      return OpenAiResponseParser.parse(reply.body());
    } catch (MalformedResponse e) {
      throw Malformed.reply(endpoint, reply, e);
    }
  }

  /** Settings for an {@link OpenAiClient}. */
  public static final class Builder extends LlmClientBuilder<Builder> {

    private String maxTokensField = "max_completion_tokens";

    private Builder() {
      super(DEFAULT_BASE_URL);
    }

    @Override
    Builder self() {
      return this;
    }

    /**
     * The name of the token limit field: {@code max_completion_tokens} (the default, required by
     * OpenAI's reasoning models) or {@code max_tokens} for servers that know only the older name.
     *
     * @param name the field's name
     * @return this builder
     */
    public Builder maxTokensField(String name) {
      this.maxTokensField = Objects.requireNonNull(name, "name");
      return this;
    }

    /**
     * The client.
     *
     * @return the client
     */
    public OpenAiClient build() {
      return new OpenAiClient(this);
    }
  }
}
