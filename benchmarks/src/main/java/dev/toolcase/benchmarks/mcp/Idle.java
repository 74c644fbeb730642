package dev.toolcase.benchmarks.mcp;

import dev.toolcase.AgentThread;
import dev.toolcase.Prompt;
import dev.toolcase.Template;

/** A prompt whose one tool does nothing: the MCP round trip without a tool's own work. */
@Prompt(tools = {Noop.class, Finish.class})
public interface Idle {

  /** Decides the next step. */
  @Template("""
      {{thread}}
      {{output_format}}
      """)
  IdleNextStep determineNextStep(AgentThread thread);
}
