package dev.toolcase.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Realistic tool-call JSON of the deployment bot, as models write it, from a fixed seed. */
final class ToolCalls {

  private ToolCalls() {}

  /**
   * The same calls as a chatty model writes them: prose around a fenced block, single quotes,
   * a trailing comma or a comment.
   */
  static List<String> chatty(List<String> calls) {
    List<String> chatty = new ArrayList<>(calls.size());
    for (int i = 0; i < calls.size(); i++) {
      String call = calls.get(i);
      String body = switch (i % 3) {
        case 0 -> call.replace('"', '\'');
        case 1 -> call.replace("}", ",}");
        default -> call.replace("{", "{ // the next step\n");
      };
      chatty.add("Sure! Based on the thread so far, here is the next step:\n\n```json\n" + body
          + "\n```\n\nLet me know if you want anything else.");
    }
    return chatty;
  }

  /** {@code count} tool calls; about a third put {@code intent} last, as some models do. */
  static List<String> deployBot(int count) {
    Random random = new Random(20261124);
    String[] environments = {"staging", "production"};
    List<String> calls = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      String tag = "v" + random.nextInt(3) + "." + random.nextInt(20) + "." + random.nextInt(10);
      String environment = environments[random.nextInt(2)];
      boolean intentLast = random.nextInt(3) == 0;
      String call = switch (random.nextInt(5)) {
        case 0 -> "{\"intent\": \"list_git_tags\"}";
        case 1 -> intentLast
            ? "{\"tag\": \"" + tag + "\", \"environment\": \"" + environment + "\", \"intent\": \"deploy_backend\"}"
            : "{\"intent\": \"deploy_backend\", \"tag\": \"" + tag + "\", \"environment\": \"" + environment + "\"}";
        case 2 -> intentLast
            ? "{\"tag\": \"" + tag + "\", \"environment\": \"" + environment + "\", \"intent\": \"deploy_frontend\"}"
            : "{\"intent\": \"deploy_frontend\", \"tag\": \"" + tag + "\", \"environment\": \"" + environment + "\"}";
        case 3 -> "{\"intent\": \"request_more_information\", \"message\": \"Which tag should go to "
            + environment + "? The latest is " + tag + ", but the changelog mentions a migration.\"}";
        default -> "{\"intent\": \"done_for_now\", \"message\": \"Deployed " + tag + " to " + environment
            + ". Smoke tests passed; the dashboard shows no new errors in the last 10 minutes.\"}";
      };
      calls.add(call);
    }
    return calls;
  }
}
