package dev.toolcase.mcp.ops;

import dev.toolcase.FinalAnswer;
import dev.toolcase.Tool;

/** Ends the thread. */
@Tool("Finish with a message for the human")
public record Done(String message) implements OpsNextStep, FinalAnswer {}
