package dev.toolcase.codec;

/** What a member of a union is to the agent: a tool it runs, a question for a human, or the end. */
public enum StepKind {
  /** A tool the agent runs as soon as the model calls it. */
  TOOL,
  /** A tool declared {@code @Tool(approval = true)}: a human approves each call before it runs. */
  TOOL_WITH_APPROVAL,
  /** A {@link dev.toolcase.HumanContact}: the thread pauses until a human answers. */
  HUMAN_CONTACT,
  /** A {@link dev.toolcase.FinalAnswer}: the thread ends with its message. */
  FINAL_ANSWER;

  /**
   * Whether the agent runs something for this step: {@link #TOOL} or {@link #TOOL_WITH_APPROVAL}.
   *
   * @return whether it is a tool to run
   */
  public boolean runs() {
    return this == TOOL || this == TOOL_WITH_APPROVAL;
  }
}
