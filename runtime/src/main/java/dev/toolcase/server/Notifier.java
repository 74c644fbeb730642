package dev.toolcase.server;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Tells a webhook when a thread pauses for a human: posts the thread's state as JSON, signed the
 * Standard Webhooks way ({@code webhook-id}, {@code webhook-timestamp},
 * {@code webhook-signature: v1,<base64 HMAC-SHA256>}), and retries with exponential backoff on
 * connection errors, 429 and 5xx. Delivery runs on a virtual thread: it never blocks the request
 * that paused the thread, and a failed delivery is logged, never lost with the thread, which stays
 * in the store whatever happens here.
 */
public final class Notifier implements AutoCloseable {

  private static final System.Logger LOG = System.getLogger(Notifier.class.getName());

  private final URI url;
  private final String secret;
  private final int attempts;
  private final Duration firstBackoff;
  private final Clock clock;
  private final HttpClient client;
  private final ExecutorService deliveries = Executors.newVirtualThreadPerTaskExecutor();
  private final SecureRandom random = new SecureRandom();

  /**
   * A notifier posting to {@code url}, signing with {@code secret}, trying up to five times with
   * backoff from half a second.
   *
   * @param url the webhook's URL
   * @param secret the signing secret, {@code whsec_<base64>} or any other text
   */
  public Notifier(URI url, String secret) {
    this(url, secret, 5, Duration.ofMillis(500), Clock.systemUTC());
  }

  /**
   * A notifier with its retry policy and clock spelled out, for tests.
   *
   * @param url the webhook's URL
   * @param secret the signing secret, {@code whsec_<base64>} or any other text
   * @param attempts how many times a delivery is tried at most, at least 1
   * @param firstBackoff the backoff before the first retry; it doubles for each further one
   * @param clock the clock that stamps {@code webhook-timestamp}
   */
  public Notifier(URI url, String secret, int attempts, Duration firstBackoff, Clock clock) {
    this.url = Objects.requireNonNull(url, "url");
    this.secret = Objects.requireNonNull(secret, "secret");
    if (attempts < 1) {
      throw new IllegalArgumentException("attempts must be at least 1, got " + attempts);
    }
    this.attempts = attempts;
    this.firstBackoff = Objects.requireNonNull(firstBackoff, "firstBackoff");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  }

  /**
   * Delivers {@code json} in the background; returns at once.
   *
   * @param json the body to post
   */
  public void notify(String json) {
    String id = "msg_" + HexFormat.of().formatHex(randomBytes());
    deliveries.execute(() -> deliver(id, json));
  }

  private void deliver(String id, String json) {
    Duration backoff = firstBackoff;
    for (int attempt = 1; attempt <= attempts; attempt++) {
      String timestamp = Long.toString(clock.instant().getEpochSecond());
      HttpRequest request = HttpRequest.newBuilder(url)
          .timeout(Duration.ofSeconds(10))
          .header("Content-Type", "application/json")
          .header("webhook-id", id)
          .header("webhook-timestamp", timestamp)
          .header("webhook-signature", Signatures.webhookSign(secret, id, timestamp, json))
          .POST(HttpRequest.BodyPublishers.ofString(json))
          .build();
      String failure;
      try {
        int status = client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        if (status < 300) {
          return;
        }
        if (status != 429 && status < 500) {
          LOG.log(System.Logger.Level.WARNING, "notification {0} to {1} refused with {2}; not"
              + " retried", id, url, status);
          return;
        }
        failure = "status " + status;
      } catch (IOException e) {
        failure = e.toString();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
      if (attempt == attempts) {
        LOG.log(System.Logger.Level.WARNING, "notification {0} to {1} failed after {2} attempts:"
            + " {3}", id, url, attempts, failure);
        return;
      }
      try {
        Thread.sleep(backoff.toMillis() / 2 + random.nextLong(backoff.toMillis() / 2 + 1));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
      backoff = backoff.multipliedBy(2);
    }
  }

  private byte[] randomBytes() {
    byte[] bytes = new byte[12];
    random.nextBytes(bytes);
    return bytes;
  }

  /** Waits up to five seconds for deliveries under way, then stops. */
  @Override
  public void close() {
    deliveries.shutdown();
    try {
      deliveries.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    deliveries.shutdownNow();
    client.close();
  }
}
