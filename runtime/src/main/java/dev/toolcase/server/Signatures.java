package dev.toolcase.server;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * HMAC-SHA256 signatures of webhooks, compared in constant time: Slack's {@code v0} scheme for
 * inbound events, and Standard Webhooks' {@code v1} scheme for everything else, in and out.
 */
public final class Signatures {

  /** How old a signed request may be: Slack's and Standard Webhooks' five minutes. */
  public static final Duration TOLERANCE = Duration.ofMinutes(5);

  private Signatures() {}

  /** HMAC-SHA256 of {@code message} under {@code secret}. */
  static byte[] hmac(byte[] secret, String message) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret, "HmacSHA256"));
      return mac.doFinal(message.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
    }
  }

  /**
   * The token of an {@code Authorization: Bearer <token>} header: what follows {@code Bearer }
   * (any case), stripped; {@code null} for no header, another scheme, or a header holding a control
   * character (which a lenient strip would drop, turning {@code "<token>\0"} into the token).
   *
   * @param header the header's value, or {@code null}
   * @return the token, or {@code null}
   */
  public static String bearerToken(String header) {
    if (header == null || header.chars().anyMatch(c -> c < 0x20 || c == 0x7F)
        || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return null;
    }
    return header.substring(7).strip();
  }

  /**
   * Whether two texts are equal, in time that does not depend on where they differ.
   *
   * @param expected the text we computed
   * @param given the text we were sent, or {@code null}
   * @return whether they are equal; false when {@code given} is {@code null}
   */
  public static boolean constantTimeEquals(String expected, String given) {
    return given != null && MessageDigest.isEqual(
        expected.getBytes(StandardCharsets.UTF_8), given.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Whether a Slack request is authentic: {@code X-Slack-Signature} is {@code v0=} and the hex
   * HMAC-SHA256 of {@code v0:<timestamp>:<body>}, and {@code X-Slack-Request-Timestamp} is within
   * five minutes of {@code now}.
   *
   * @param signingSecret the Slack app's signing secret
   * @param timestamp the {@code X-Slack-Request-Timestamp} header, or {@code null}
   * @param body the raw request body
   * @param signature the {@code X-Slack-Signature} header, or {@code null}
   * @param now the current time
   * @return whether the request is authentic and fresh
   */
  public static boolean slackValid(String signingSecret, String timestamp, String body,
      String signature, Instant now) {
    if (!fresh(timestamp, now)) {
      return false;
    }
    String expected = "v0=" + HexFormat.of().formatHex(
        hmac(signingSecret.getBytes(StandardCharsets.UTF_8), "v0:" + timestamp + ":" + body));
    return constantTimeEquals(expected, signature);
  }

  /**
   * Slack's signature of a request, for senders and tests.
   *
   * @param signingSecret the Slack app's signing secret
   * @param timestamp the request's timestamp, in epoch seconds
   * @param body the raw request body
   * @return the {@code X-Slack-Signature} value, {@code v0=<hex>}
   */
  public static String slackSign(String signingSecret, String timestamp, String body) {
    return "v0=" + HexFormat.of().formatHex(
        hmac(signingSecret.getBytes(StandardCharsets.UTF_8), "v0:" + timestamp + ":" + body));
  }

  /**
   * Standard Webhooks' signature {@code v1,<base64 HMAC-SHA256 of id.timestamp.body>}. A secret
   * of the standard's form {@code whsec_<base64>} is used as the bytes it encodes; any other
   * secret as its UTF-8 bytes.
   *
   * @param secret the signing secret, {@code whsec_<base64>} or any other text
   * @param id the {@code webhook-id}
   * @param timestamp the {@code webhook-timestamp}, in epoch seconds
   * @param body the raw body
   * @return the {@code webhook-signature} value
   * @throws IllegalArgumentException if a {@code whsec_} secret is not valid base64
   */
  public static String webhookSign(String secret, String id, String timestamp, String body) {
    return "v1," + Base64.getEncoder().encodeToString(
        hmac(keyOf(secret), id + "." + timestamp + "." + body));
  }

  private static byte[] keyOf(String secret) {
    return secret.startsWith("whsec_")
        ? Base64.getDecoder().decode(secret.substring("whsec_".length()))
        : secret.getBytes(StandardCharsets.UTF_8);
  }

  /**
   * Whether a Standard Webhooks request is authentic: one of the space-separated signatures in
   * {@code webhook-signature} matches, and {@code webhook-timestamp} is within five minutes.
   *
   * @param secret the signing secret, {@code whsec_<base64>} or any other text
   * @param id the {@code webhook-id} header, or {@code null}
   * @param timestamp the {@code webhook-timestamp} header, or {@code null}
   * @param body the raw request body
   * @param signatures the {@code webhook-signature} header, or {@code null}
   * @param now the current time
   * @return whether the request is authentic and fresh
   */
  public static boolean webhookValid(String secret, String id, String timestamp, String body,
      String signatures, Instant now) {
    if (id == null || signatures == null || !fresh(timestamp, now)) {
      return false;
    }
    String expected;
    try {
      expected = webhookSign(secret, id, timestamp, body);
    } catch (IllegalArgumentException e) {
      return false;
    }
    boolean valid = false;
    for (String candidate : signatures.trim().split("\\s+")) {
      valid |= constantTimeEquals(expected, candidate);
    }
    return valid;
  }

  private static boolean fresh(String timestamp, Instant now) {
    if (timestamp == null) {
      return false;
    }
    try {
      Instant at = Instant.ofEpochSecond(Long.parseLong(timestamp.trim()));
      return Duration.between(at, now).abs().compareTo(TOLERANCE) <= 0;
    } catch (NumberFormatException | java.time.DateTimeException e) {
      return false;
    }
  }
}
