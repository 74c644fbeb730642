// Drives `toolcase-example-app mcp` with the official TypeScript MCP client and prints one JSON
// object with what it saw; McpTypeScriptClientTest asserts on it.
//
//   node mcp-client.mjs stdio <java> <classpath> <data dir>
//   node mcp-client.mjs http <url> <token>
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StdioClientTransport } from "@modelcontextprotocol/sdk/client/stdio.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import { ElicitRequestSchema } from "@modelcontextprotocol/sdk/types.js";

const [mode, ...args] = process.argv.slice(2);
const seen = { mode, asked: [] };

function transport(token) {
  if (mode === "stdio") {
    const [java, classpath, data] = args;
    return new StdioClientTransport({
      command: java,
      args: ["-cp", classpath, "dev.toolcase.example.Main", "mcp", "--data", data],
      stderr: "ignore",
    });
  }
  const [url] = args;
  const headers = token ? { Authorization: `Bearer ${token}` } : {};
  return new StreamableHTTPClientTransport(new URL(url), { requestInit: { headers } });
}

async function connect({ elicit, token }) {
  const client = new Client({ name: "toolcase-ts-test", version: "1.0.0" },
    elicit ? { capabilities: { elicitation: { form: {} } } } : {});
  if (elicit) {
    client.setRequestHandler(ElicitRequestSchema, async (request) => {
      seen.asked.push(request.params.message);
      return elicit(request.params);
    });
  }
  await client.connect(transport(token));
  return client;
}

const approveAll = (params) => ({
  action: "accept",
  content: "approve" in params.requestedSchema.properties ? { approve: true } : { answer: "yes" },
});
const text = (result) => result.content[0].text;
const token = mode === "http" ? args[1] : undefined;

if (mode === "http") {
  try {
    await connect({ token: "wrong" });
    seen.wrongToken = "connected";
  } catch (error) {
    seen.wrongToken = String(error.code ?? error.message);
  }
}

let client = await connect({ elicit: approveAll, token });
const { tools } = await client.listTools();
seen.tools = tools.map((tool) => ({
  name: tool.name,
  description: tool.description,
  inputSchema: tool.inputSchema,
  readOnlyHint: tool.annotations?.readOnlyHint ?? null,
}));
seen.add = await client.callTool({ name: "add", arguments: { a: 2, b: 3 } });
seen.divideByZero = await client.callTool({ name: "divide", arguments: { a: 1, b: 0 } });
seen.malformed = await client.callTool({ name: "add", arguments: { a: "two", b: 3 } });
try {
  await client.callTool({ name: "no_such_tool", arguments: {} });
  seen.unknown = "answered";
} catch (error) {
  seen.unknown = { code: error.code, message: error.message };
}
seen.tags = text(await client.callTool({ name: "list_git_tags", arguments: {} }));
seen.deployToStaging = await client.callTool({
  name: "deploy_backend", arguments: { tag: "v1.4.2", environment: "staging" } });
seen.deployToProduction = await client.callTool({
  name: "deploy_backend", arguments: { tag: "v1.4.2", environment: "production" } });
seen.agent = await client.callTool({ name: "deploybot",
  arguments: { message: "deploy the latest backend to production" } }, undefined,
  { timeout: 120000 });
await client.close();

// A client that cannot be asked: the agent pauses and says how to resume.
client = await connect({ token });
seen.refused = await client.callTool({
  name: "deploy_frontend", arguments: { tag: "v1.4.2", environment: "production" } });
seen.paused = await client.callTool({ name: "deploybot",
  arguments: { message: "deploy the latest frontend to production" } });
await client.close();

// Over stdio, closing the client stopped the server: this is a new process on the same store.
client = await connect({ token });
seen.resumed = await client.callTool({ name: "deploybot",
  arguments: { thread_id: seen.paused.structuredContent.thread_id,
    call_id: seen.paused.structuredContent.call_id, approve: true } });
await client.close();

console.log(JSON.stringify(seen));
