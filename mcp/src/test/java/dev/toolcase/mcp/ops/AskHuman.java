package dev.toolcase.mcp.ops;

import dev.toolcase.HumanContact;
import dev.toolcase.Tool;

/** Asks a human. */
@Tool("Ask a human; the thread pauses until they answer")
public record AskHuman(String message) implements OpsNextStep, HumanContact {}
