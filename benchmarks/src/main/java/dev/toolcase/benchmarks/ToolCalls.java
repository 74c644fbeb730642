package dev.toolcase.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Realistic tool-call JSON of the deployment bot and the calculator, as models write it, from a
 * fixed seed.
 */
final class ToolCalls {

  /** Where a call puts its {@code intent}: first, last, or (as some models do) a third last. */
  enum IntentAt { FIRST, LAST, MIXED }

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

  /** {@code count} calls of the union {@code union}: {@code deploybot} or {@code calculator}. */
  static List<String> of(String union, int count, IntentAt at) {
    return switch (union) {
      case "deploybot" -> deployBot(count, at);
      case "calculator" -> calculator(count, at);
      default -> throw new IllegalArgumentException("no union " + union);
    };
  }

  /** {@code count} deployment-bot calls, a third with {@code intent} last. */
  static List<String> deployBot(int count) {
    return deployBot(count, IntentAt.MIXED);
  }

  static List<String> deployBot(int count, IntentAt at) {
    Random random = new Random(20261124);
    String[] environments = {"staging", "production"};
    List<String> calls = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      String tag = "v" + random.nextInt(3) + "." + random.nextInt(20) + "." + random.nextInt(10);
      String environment = environments[random.nextInt(2)];
      boolean last = last(random, at);
      String call = switch (random.nextInt(5)) {
        case 0 -> "{\"intent\": \"list_git_tags\"}";
        case 1 -> object(last, "deploy_backend",
            "\"tag\": \"" + tag + "\", \"environment\": \"" + environment + "\"");
        case 2 -> object(last, "deploy_frontend",
            "\"tag\": \"" + tag + "\", \"environment\": \"" + environment + "\"");
        case 3 -> object(last, "request_more_information", "\"message\": \"Which tag should go to "
            + environment + "? The latest is " + tag + ", but the changelog mentions a migration.\"");
        default -> object(last, "done_for_now", "\"message\": \"Deployed " + tag + " to " + environment
            + ". Smoke tests passed; the dashboard shows no new errors in the last 10 minutes.\"");
      };
      calls.add(call);
    }
    return calls;
  }

  static List<String> calculator(int count, IntentAt at) {
    Random random = new Random(20261201);
    String[] operations = {"add", "subtract", "multiply", "divide"};
    List<String> calls = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      boolean last = last(random, at);
      String call;
      if (random.nextInt(6) == 0) {
        call = object(last, "done_for_now", "\"message\": \"3 times 4 is 12; 12 divided by 2 is 6;"
            + " 6 plus 12 is 18. The result is 18.\"");
      } else {
        String a = random.nextBoolean() ? Integer.toString(random.nextInt(1000))
            : Double.toString(Math.round(random.nextDouble() * 100_000) / 100.0);
        String b = Integer.toString(1 + random.nextInt(99));
        call = object(last, operations[random.nextInt(4)], "\"a\": " + a + ", \"b\": " + b);
      }
      calls.add(call);
    }
    return calls;
  }

  private static boolean last(Random random, IntentAt at) {
    return switch (at) {
      case FIRST -> false;
      case LAST -> true;
      case MIXED -> random.nextInt(3) == 0;
    };
  }

  private static String object(boolean intentLast, String intent, String fields) {
    return intentLast
        ? "{" + fields + ", \"intent\": \"" + intent + "\"}"
        : "{\"intent\": \"" + intent + "\", " + fields + "}";
  }
}
