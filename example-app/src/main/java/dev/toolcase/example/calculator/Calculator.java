package dev.toolcase.example.calculator;

import dev.toolcase.AgentThread;
import dev.toolcase.Prompt;
import dev.toolcase.Template;

/** The calculator: one arithmetic step at a time until it has the answer. */
@Prompt(tools = {Add.class, Subtract.class, Multiply.class, Divide.class, DoneForNow.class})
public interface Calculator {

  /** Decides the next step of a calculation. */
  @Template("""
      {{role system}}
      You are a calculator. Take one arithmetic step at a time; finish with done_for_now.
      {{role user}}
      {{thread}}
      What should the next step be?
      {{output_format}}
      """)
  CalculatorNextStep determineNextStep(AgentThread thread);
}
