package dev.toolcase.llm;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.random.RandomGenerator;

/**
 * The settings every HTTP client shares: where to connect, credentials, timeout, retries, and the
 * collaborators tests replace (HTTP client, sleeper, jitter source, clock).
 *
 * @param <B> the concrete builder, returned by every setter
 */
public abstract class LlmClientBuilder<B extends LlmClientBuilder<B>> {

  /** The default per-attempt timeout. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);

  private String baseUrl;
  private String apiKey;
  private String model;
  private final Map<String, String> headers = new LinkedHashMap<>();
  private Duration timeout = DEFAULT_TIMEOUT;
  private RetryPolicy retryPolicy = RetryPolicy.DEFAULT;
  private HttpClient httpClient;
  private Sleeper sleeper = Sleeper.system();
  private RandomGenerator random;
  private Clock clock = Clock.systemUTC();

  /** Settings that start from the provider's base URL and otherwise from the defaults. */
  LlmClientBuilder(String defaultBaseUrl) {
    this.baseUrl = defaultBaseUrl;
  }

  /** This builder, typed as the concrete builder. */
  abstract B self();

  /**
   * The server's base URL, such as {@code http://localhost:11434/v1} for Ollama.
   *
   * @param url the base URL
   * @return this builder
   */
  public B baseUrl(String url) {
    this.baseUrl = Objects.requireNonNull(url, "url");
    return self();
  }

  /**
   * The API key.
   *
   * @param key the API key
   * @return this builder
   */
  public B apiKey(String key) {
    this.apiKey = Objects.requireNonNull(key, "key");
    return self();
  }

  /**
   * The model name, sent with every request. Required.
   *
   * @param name the model name
   * @return this builder
   */
  public B model(String name) {
    this.model = Objects.requireNonNull(name, "name");
    return self();
  }

  /**
   * An extra header sent with every request, replacing any header of the same name.
   *
   * @param name the header's name
   * @param value the header's value
   * @return this builder
   */
  public B header(String name, String value) {
    headers.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
    return self();
  }

  /**
   * How long one attempt may wait for the response (default 60 s).
   *
   * @param perAttempt the timeout of one attempt, positive
   * @return this builder
   */
  public B timeout(Duration perAttempt) {
    if (perAttempt.isNegative() || perAttempt.isZero()) {
      throw new IllegalArgumentException("timeout must be positive: " + perAttempt);
    }
    this.timeout = perAttempt;
    return self();
  }

  /**
   * Retries after the first attempt (default 2); keeps the rest of the retry policy.
   *
   * @param retries the number of retries; 0 disables retrying
   * @return this builder
   */
  public B maxRetries(int retries) {
    this.retryPolicy = retryPolicy.withMaxRetries(retries);
    return self();
  }

  /**
   * The whole retry policy (default {@link RetryPolicy#DEFAULT}).
   *
   * @param policy the retry policy
   * @return this builder
   */
  public B retryPolicy(RetryPolicy policy) {
    this.retryPolicy = Objects.requireNonNull(policy, "policy");
    return self();
  }

  /**
   * The HTTP client; by default one is built with a connect timeout no longer than 10 s.
   *
   * @param client the HTTP client
   * @return this builder
   */
  public B httpClient(HttpClient client) {
    this.httpClient = Objects.requireNonNull(client, "client");
    return self();
  }

  /**
   * What waits between retries (default {@link Sleeper#system()}).
   *
   * @param waiter the sleeper
   * @return this builder
   */
  public B sleeper(Sleeper waiter) {
    this.sleeper = Objects.requireNonNull(waiter, "waiter");
    return self();
  }

  /**
   * The source of backoff jitter (default a new {@link Random}).
   *
   * @param generator the jitter source
   * @return this builder
   */
  public B random(RandomGenerator generator) {
    this.random = Objects.requireNonNull(generator, "generator");
    return self();
  }

  /**
   * The clock that dates in {@code Retry-After} are measured against (default UTC).
   *
   * @param source the clock
   * @return this builder
   */
  public B clock(Clock source) {
    this.clock = Objects.requireNonNull(source, "source");
    return self();
  }

  /** The endpoint: the base URL without trailing slashes, plus the given path. */
  URI endpoint(String path) {
    String base = baseUrl;
    while (base.endsWith("/")) {
      base = base.substring(0, base.length() - 1);
    }
    return URI.create(base + path);
  }

  /** The API key, or {@code null} if none was set. */
  String apiKey() {
    return apiKey;
  }

  /** The model name. */
  String model() {
    if (model == null || model.isBlank()) {
      throw new IllegalStateException("a model name is required: call model(...)");
    }
    return model;
  }

  /** The extra headers, in the order they were set. */
  Map<String, String> headers() {
    return headers;
  }

  /** The HTTP caller these settings describe. */
  HttpCaller caller() {
    HttpClient client = httpClient;
    if (client == null) {
      Duration connect = timeout.compareTo(Duration.ofSeconds(10)) < 0 ? timeout
          : Duration.ofSeconds(10);
      client = HttpClient.newBuilder().connectTimeout(connect).build();
    }
    return new HttpCaller(
        client, timeout, retryPolicy, sleeper, random == null ? new Random() : random, clock);
  }
}
