package dev.toolcase.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.toolcase.processor.Compilations.compile;
import static dev.toolcase.processor.Compilations.exampleSources;

import com.google.testing.compile.JavaFileObjects;
import java.util.ArrayList;
import java.util.List;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/** The union is sealed and the handler abstract per tool: a missing case fails the build. */
class HandlerExhaustivenessTest {

  private static JavaFileObject[] deployBotWith(JavaFileObject user) {
    List<JavaFileObject> sources = new ArrayList<>(List.of(exampleSources("deploybot")));
    sources.add(user);
    return sources.toArray(JavaFileObject[]::new);
  }

  @Test
  void handlerMissingOneToolDoesNotCompile() {
    JavaFileObject handler = JavaFileObjects.forSourceString("dev.toolcase.example.deploy.Partial", """
        package dev.toolcase.example.deploy;

        class Partial implements DeployBotHandler<String> {
          public String listGitTags(ListGitTags call) { return "tags"; }
          public String deployBackend(DeployBackend call) { return "backend"; }
          public String deployFrontend(DeployFrontend call) { return "frontend"; }
          public String requestMoreInformation(RequestMoreInformation call) { return "ask"; }
        }
        """);
    assertThat(compile(deployBotWith(handler)))
        .hadErrorContaining("Partial is not abstract and does not override abstract method"
            + " doneForNow(dev.toolcase.example.deploy.DoneForNow)")
        .inFile(handler).onLineContaining("class Partial");
  }

  @Test
  void switchMissingOneToolDoesNotCompile() {
    JavaFileObject user = JavaFileObjects.forSourceString("dev.toolcase.example.deploy.Loop", """
        package dev.toolcase.example.deploy;

        class Loop {
          String run(DeployBotNextStep step) {
            return switch (step) {
              case ListGitTags call -> "tags";
              case DeployBackend call -> "backend";
              case DeployFrontend call -> "frontend";
              case RequestMoreInformation call -> "ask";
            };
          }
        }
        """);
    assertThat(compile(deployBotWith(user)))
        .hadErrorContaining("the switch expression does not cover all possible input values")
        .inFile(user).onLineContaining("return switch (step)");
  }

  @Test
  void completeHandlerCompilesWithoutWarnings() {
    JavaFileObject handler = JavaFileObjects.forSourceString("dev.toolcase.example.deploy.Complete", """
        package dev.toolcase.example.deploy;

        class Complete implements DeployBotHandler<String> {
          public String listGitTags(ListGitTags call) { return "tags"; }
          public String deployBackend(DeployBackend call) { return "backend"; }
          public String deployFrontend(DeployFrontend call) { return "frontend"; }
          public String requestMoreInformation(RequestMoreInformation call) { return "ask"; }
          public String doneForNow(DoneForNow call) { return "done"; }
        }
        """);
    assertThat(compile(deployBotWith(handler))).succeededWithoutWarnings();
  }
}
