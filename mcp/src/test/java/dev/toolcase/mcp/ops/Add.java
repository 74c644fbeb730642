package dev.toolcase.mcp.ops;

import dev.toolcase.Tool;

/** a + b. */
@Tool("Add two whole numbers")
public record Add(int a, int b) implements OpsNextStep {}
