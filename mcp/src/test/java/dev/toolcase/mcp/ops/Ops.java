package dev.toolcase.mcp.ops;

import dev.toolcase.AgentThread;
import dev.toolcase.Prompt;
import dev.toolcase.Template;

/** The test prompt: tools that do nothing, add, delete (with approval), ask a human, finish. */
@Prompt(tools = {Ping.class, Add.class, Delete.class, AskHuman.class, Done.class})
public interface Ops {

  /** Decides the next step. */
  @Template("""
      {{role system}}
      You run operations.
      {{role user}}
      {{thread}}
      {{output_format}}
      """)
  OpsNextStep determineNextStep(AgentThread thread);
}
