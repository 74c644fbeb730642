package com.example.jackson2;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.toolcase.Agent;
import dev.toolcase.AgentLoop;
import dev.toolcase.AgentThread;
import dev.toolcase.FinalAnswer;
import dev.toolcase.Prompt;
import dev.toolcase.Status;
import dev.toolcase.Template;
import dev.toolcase.ThreadJson;
import dev.toolcase.Tool;
import dev.toolcase.llm.ScriptedLlmClient;
import org.junit.jupiter.api.Test;

class Jackson2BesideToolcaseTest {

  /** The application's own DTO, written by its Jackson 2 mapper. */
  record Greeting(@JsonProperty("text") String text, int times) {}

  @Tool("Greet someone a number of times")
  record Greet(String name, int times) implements GreeterNextStep {}

  @Tool("Finish")
  record Done(String message) implements GreeterNextStep, FinalAnswer {}

  @Prompt(tools = {Greet.class, Done.class})
  interface Greeter {
    @Template("""
        {{role user}}
        {{thread}}
        {{output_format}}
        """)
    GreeterNextStep next(AgentThread thread);
  }

  @Test
  void bothJacksonsWorkInOneApplication() throws Exception {
    String annotations = JsonProperty.class.getProtectionDomain().getCodeSource().getLocation().getPath();
    assertTrue(annotations.endsWith("jackson-annotations-2.21.jar"), "jackson-annotations: " + annotations);
    String databind = ObjectMapper.class.getProtectionDomain().getCodeSource().getLocation().getPath();
    assertTrue(databind.endsWith("jackson-databind-2.19.2.jar"), "Jackson 2 as the BOM pins it: " + databind);

    ObjectMapper jackson2 = new ObjectMapper();
    String dto = jackson2.writeValueAsString(new Greeting("hello", 2));
    assertEquals("{\"text\":\"hello\",\"times\":2}", dto);

    GreeterNextStep step = GreeterTools.parse("```json\n{\"intent\": \"greet\", \"name\": \"Ada\", \"times\": \"2\"}\n```");
    assertEquals(new Greet("Ada", 2), step);
    assertEquals("Ada", jackson2.readTree(GreeterTools.toJson(step)).get("name").asText());

    Agent<GreeterNextStep> agent = Agent.builder(GreeterTools.CODEC)
        .nextStep(GreeterPrompts.using(ScriptedLlmClient.replying(GreeterTools.CODEC,
            new Greet("Ada", 2), new Done("greeted")))::next)
        .handler(s -> switch (s) {
          case Greet g -> ("hello " + g.name() + " ").repeat(g.times()).trim();
          case Done d -> d.message();
        })
        .build();
    AgentLoop.Outcome outcome = new AgentLoop<>(agent).run(agent.userInput(AgentThread.empty(), "greet Ada twice"));
    assertEquals(Status.DONE, outcome.status());
    ThreadJson json = new ThreadJson(GreeterTools.CODEC);
    String written = json.write(outcome.thread());
    assertEquals(written, json.write(json.readThread(written)));
    assertEquals("hello Ada hello Ada", jackson2.readTree(written).get("events").get(2).get("data").asText());
  }
}
