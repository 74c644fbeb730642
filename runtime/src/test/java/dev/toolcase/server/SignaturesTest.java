package dev.toolcase.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Signatures against the examples the Slack and Standard Webhooks documents publish. */
class SignaturesTest {

  // Slack's "Verifying requests from Slack" example.
  private static final String SLACK_SECRET = "8f742231b10e8888abcd99yyyzzz85a5";
  private static final String SLACK_TIMESTAMP = "1531420618";
  private static final String SLACK_BODY = "token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J"
      + "&team_domain=testteamnow&channel_id=G8PSS9T3V&channel_name=foobar&user_id=U2CERLKJA"
      + "&user_name=roadrunner&command=%2Fwebhook-collect&text=&response_url=https%3A%2F%2Fhooks"
      + ".slack.com%2Fcommands%2FT1DC2JH3J%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN"
      + "&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c";
  private static final String SLACK_SIGNATURE =
      "v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503";
  private static final Instant SLACK_NOW = Instant.ofEpochSecond(1531420618 + 60);

  // The Standard Webhooks specification's example.
  private static final String WEBHOOK_SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
  private static final String WEBHOOK_ID = "msg_p5jXN8AQM9LWM0D4loKWxJek";
  private static final String WEBHOOK_TIMESTAMP = "1614265330";
  private static final String WEBHOOK_BODY = "{\"test\": 2432232314}";
  private static final String WEBHOOK_SIGNATURE = "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=";
  private static final Instant WEBHOOK_NOW = Instant.ofEpochSecond(1614265330 + 10);

  @Test
  void slackSignsAsItsDocumentationShows() {
    assertThat(Signatures.slackSign(SLACK_SECRET, SLACK_TIMESTAMP, SLACK_BODY))
        .isEqualTo(SLACK_SIGNATURE);
    assertThat(Signatures.slackValid(SLACK_SECRET, SLACK_TIMESTAMP, SLACK_BODY, SLACK_SIGNATURE,
        SLACK_NOW)).isTrue();
  }

  @Test
  void slackRefusesTamperingAStaleOrFutureTimestampAndMalformedHeaders() {
    assertThat(Signatures.slackValid(SLACK_SECRET, SLACK_TIMESTAMP, SLACK_BODY + "&x=1",
        SLACK_SIGNATURE, SLACK_NOW)).as("tampered body").isFalse();
    assertThat(Signatures.slackValid("another-secret", SLACK_TIMESTAMP, SLACK_BODY,
        SLACK_SIGNATURE, SLACK_NOW)).as("wrong secret").isFalse();
    assertThat(Signatures.slackValid(SLACK_SECRET, SLACK_TIMESTAMP, SLACK_BODY, SLACK_SIGNATURE,
        Instant.ofEpochSecond(1531420618 + 301))).as("stale").isFalse();
    assertThat(Signatures.slackValid(SLACK_SECRET, SLACK_TIMESTAMP, SLACK_BODY, SLACK_SIGNATURE,
        Instant.ofEpochSecond(1531420618 - 301))).as("from the future").isFalse();
    assertThat(Signatures.slackValid(SLACK_SECRET, SLACK_TIMESTAMP, SLACK_BODY, SLACK_SIGNATURE,
        Instant.ofEpochSecond(1531420618 + 300))).as("at the edge").isTrue();
    assertThat(Signatures.slackValid(SLACK_SECRET, "yesterday", SLACK_BODY, SLACK_SIGNATURE,
        SLACK_NOW)).isFalse();
    assertThat(Signatures.slackValid(SLACK_SECRET, null, SLACK_BODY, SLACK_SIGNATURE, SLACK_NOW))
        .isFalse();
    assertThat(Signatures.slackValid(SLACK_SECRET, SLACK_TIMESTAMP, SLACK_BODY, null, SLACK_NOW))
        .isFalse();
    assertThat(Signatures.slackValid(SLACK_SECRET, "99999999999999999999", SLACK_BODY,
        SLACK_SIGNATURE, SLACK_NOW)).isFalse();
  }

  @Test
  void standardWebhooksSignsAsTheSpecificationShows() {
    assertThat(Signatures.webhookSign(WEBHOOK_SECRET, WEBHOOK_ID, WEBHOOK_TIMESTAMP, WEBHOOK_BODY))
        .isEqualTo(WEBHOOK_SIGNATURE);
    assertThat(Signatures.webhookValid(WEBHOOK_SECRET, WEBHOOK_ID, WEBHOOK_TIMESTAMP, WEBHOOK_BODY,
        WEBHOOK_SIGNATURE, WEBHOOK_NOW)).isTrue();
    assertThat(Signatures.webhookValid(WEBHOOK_SECRET, WEBHOOK_ID, WEBHOOK_TIMESTAMP, WEBHOOK_BODY,
        "v1,bm90IHRoaXMgb25l " + WEBHOOK_SIGNATURE, WEBHOOK_NOW))
        .as("one of several signatures, as during a key rotation").isTrue();
  }

  @Test
  void standardWebhooksRefusesTamperingStaleAndMalformedInput() {
    assertThat(Signatures.webhookValid(WEBHOOK_SECRET, WEBHOOK_ID, WEBHOOK_TIMESTAMP,
        WEBHOOK_BODY + " ", WEBHOOK_SIGNATURE, WEBHOOK_NOW)).isFalse();
    assertThat(Signatures.webhookValid(WEBHOOK_SECRET, "msg_other", WEBHOOK_TIMESTAMP,
        WEBHOOK_BODY, WEBHOOK_SIGNATURE, WEBHOOK_NOW)).isFalse();
    assertThat(Signatures.webhookValid(WEBHOOK_SECRET, WEBHOOK_ID, WEBHOOK_TIMESTAMP,
        WEBHOOK_BODY, WEBHOOK_SIGNATURE, Instant.ofEpochSecond(1614265330 + 301))).isFalse();
    assertThat(Signatures.webhookValid(WEBHOOK_SECRET, null, WEBHOOK_TIMESTAMP, WEBHOOK_BODY,
        WEBHOOK_SIGNATURE, WEBHOOK_NOW)).isFalse();
    assertThat(Signatures.webhookValid(WEBHOOK_SECRET, WEBHOOK_ID, WEBHOOK_TIMESTAMP,
        WEBHOOK_BODY, null, WEBHOOK_NOW)).isFalse();
    assertThat(Signatures.webhookValid("whsec_not base64!", WEBHOOK_ID, WEBHOOK_TIMESTAMP,
        WEBHOOK_BODY, WEBHOOK_SIGNATURE, WEBHOOK_NOW)).as("a malformed secret").isFalse();
    assertThat(Signatures.webhookValid("plain-secret", WEBHOOK_ID, WEBHOOK_TIMESTAMP,
        WEBHOOK_BODY, Signatures.webhookSign("plain-secret", WEBHOOK_ID, WEBHOOK_TIMESTAMP,
            WEBHOOK_BODY), WEBHOOK_NOW)).as("a secret without the whsec_ prefix").isTrue();
  }

  @Test
  void constantTimeEqualsComparesWholeTexts() {
    assertThat(Signatures.constantTimeEquals("token", "token")).isTrue();
    assertThat(Signatures.constantTimeEquals("token", "tokem")).isFalse();
    assertThat(Signatures.constantTimeEquals("token", "token2")).isFalse();
    assertThat(Signatures.constantTimeEquals("token", null)).isFalse();
  }
}
