/**
 * A prompt's tools ({@link dev.toolcase.mcp.McpTools}) and whole agents ({@link
 * dev.toolcase.mcp.McpAgent}) served to any MCP client over stdio or Streamable HTTP ({@link
 * dev.toolcase.mcp.ToolcaseMcp}), on the official MCP Java SDK.
 */
package dev.toolcase.mcp;
