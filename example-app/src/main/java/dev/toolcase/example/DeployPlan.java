package dev.toolcase.example;

import dev.toolcase.AgentThread;
import dev.toolcase.Event;
import dev.toolcase.EventTypes;
import dev.toolcase.example.deploy.DeployBackend;
import dev.toolcase.example.deploy.DeployBotNextStep;
import dev.toolcase.example.deploy.DeployFrontend;
import dev.toolcase.example.deploy.DoneForNow;
import dev.toolcase.example.deploy.Environment;
import dev.toolcase.example.deploy.ListGitTags;
import dev.toolcase.example.deploy.RequestMoreInformation;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * The deployment bot's offline stand-in for a model: reads what the human asked (the message and
 * any answers since) and the thread so far, and picks the next step the way the recorded model
 * does. Understands requests to deploy the backend, the frontend or both, of the latest or a named
 * tag, to staging or production, and questions about the tags; it asks when the environment is
 * missing, and after a rejected approval.
 */
final class DeployPlan {

  private static final Pattern TAG = Pattern.compile("\\bv\\d+(?:\\.\\d+)*\\b");

  private DeployPlan() {}

  /** What a human's words ask for. */
  private record Request(Set<String> components, String tag, Environment environment,
      boolean tagsOnly) {}

  /** Whether {@code message} is a request this stand-in follows. */
  static boolean understands(String message) {
    return read(message).isPresent();
  }

  private static Optional<Request> read(String message) {
    String text = message.toLowerCase(Locale.ROOT);
    Set<String> components = new LinkedHashSet<>();
    if (text.contains("backend") || text.contains("back end") || text.contains("both")
        || text.contains("everything")) {
      components.add("backend");
    }
    if (text.contains("frontend") || text.contains("front end") || text.contains("both")
        || text.contains("everything")) {
      components.add("frontend");
    }
    Matcher tag = TAG.matcher(text);
    String named = tag.find() ? tag.group() : null;
    boolean deploy = text.matches(".*\\b(?:deploy|release|ship|roll out|push)\\b.*");
    if (!deploy) {
      boolean aboutTags = text.matches(".*\\b(?:tags?|versions?|releases)\\b.*");
      return aboutTags ? Optional.of(new Request(Set.of(), null, null, true)) : Optional.empty();
    }
    if (components.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new Request(components, named, environmentIn(text), false));
  }

  private static Environment environmentIn(String text) {
    boolean production = text.matches(".*\\b(?:production|prod|live)\\b.*");
    boolean staging = text.matches(".*\\b(?:staging|stage)\\b.*");
    return production == staging ? null : production ? Environment.production : Environment.staging;
  }

  /**
   * The next step for {@code thread}.
   *
   * @throws IllegalArgumentException if the thread's first message is not understood
   */
  static DeployBotNextStep next(AgentThread thread) {
    List<Event> events = thread.events();
    Request request = read(String.valueOf(events.getFirst().data()))
        .orElseThrow(() -> new IllegalArgumentException("not a deployment request"));
    List<String> tags = null;
    Environment environment = request.environment();
    String tag = request.tag();
    int since = 0; // deploys count from the last decision that changed the plan
    boolean rejected = false;
    for (int i = 0; i < events.size(); i++) {
      Event event = events.get(i);
      switch (event.type()) {
        case "list_git_tags_result" -> tags = textsOf(event.data());
        case EventTypes.APPROVAL -> {
          if (event.data() instanceof JsonNode decision && !decision.path("approved").asBoolean()) {
            rejected = true;
            since = i + 1;
          }
        }
        case EventTypes.HUMAN_RESPONSE -> {
          String answer = String.valueOf(event.data()).toLowerCase(Locale.ROOT);
          if (rejected && answer.matches(".*\\b(?:no|stop|cancel|nothing|don't)\\b.*")) {
            return new DoneForNow("OK, I did not deploy anything.");
          }
          Environment said = environmentIn(answer);
          if (said != null) {
            environment = said;
          } else if (rejected && answer.matches(".*\\b(?:yes|ok|sure|first)\\b.*")) {
            environment = Environment.staging;
          }
          Matcher named = TAG.matcher(answer);
          if (named.find()) {
            tag = named.group();
          }
          rejected = false;
          since = i + 1;
        }
        default -> { }
      }
    }
    Event last = events.getLast();
    if (last.type().equals(EventTypes.ERROR)) {
      return new DoneForNow("I could not finish: " + last.data());
    }
    if (tags == null) {
      return new ListGitTags();
    }
    if (request.tagsOnly()) {
      return new DoneForNow("The tags are " + String.join(", ", tags) + "; the newest is "
          + tags.getFirst() + ".");
    }
    String chosen = tag == null ? tags.getFirst() : tag;
    if (!tags.contains(chosen)) {
      return new DoneForNow("There is no tag " + chosen + "; the tags are "
          + String.join(", ", tags) + ".");
    }
    String what = String.join(" and ", request.components());
    if (rejected) {
      // The thread pauses on this question; the model is asked again only after the answer.
      return new RequestMoreInformation("Understood, I did not deploy to production. Should I"
          + " deploy " + chosen + " to staging first, or another tag?");
    }
    if (environment == null) {
      return new RequestMoreInformation("Which environment should I deploy " + what + " "
          + chosen + " to: staging or production?");
    }
    List<String> done = new ArrayList<>();
    for (Event event : events.subList(since, events.size())) {
      if (event.type().equals("deploy_backend_result")) {
        done.add("backend");
      } else if (event.type().equals("deploy_frontend_result")) {
        done.add("frontend");
      }
    }
    for (String component : request.components()) {
      if (!done.contains(component)) {
        return component.equals("backend")
            ? new DeployBackend(chosen, environment)
            : new DeployFrontend(chosen, environment);
      }
    }
    return new DoneForNow("Deployed " + String.join(" and ", request.components()) + " "
        + chosen + " to " + environment + ".");
  }

  private static List<String> textsOf(Object data) {
    List<String> texts = new ArrayList<>();
    if (data instanceof JsonNode node) {
      node.forEach(tag -> texts.add(tag.asString()));
    }
    return texts;
  }
}
