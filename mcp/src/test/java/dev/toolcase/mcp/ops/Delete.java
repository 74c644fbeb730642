package dev.toolcase.mcp.ops;

import dev.toolcase.Tool;

/** Deletes a file; a human approves each call. */
@Tool(value = "Delete a file", approval = true)
public record Delete(String path) implements OpsNextStep {}
