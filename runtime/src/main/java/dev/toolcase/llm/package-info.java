/**
 * Provider-neutral LLM calls: one request and response model ({@link dev.toolcase.llm.LlmRequest},
 * {@link dev.toolcase.llm.LlmResponse}), clients for the OpenAI chat completions API and every
 * server that speaks it ({@link dev.toolcase.llm.OpenAiClient}), for the Anthropic Messages API
 * ({@link dev.toolcase.llm.AnthropicClient}), and a client that replays recorded responses
 * ({@link dev.toolcase.llm.ScriptedLlmClient}).
 *
 * <p>The HTTP clients use {@link java.net.http.HttpClient} and Jackson's tree model, no SDK. They
 * retry 408, 429, 5xx and I/O failures with capped exponential backoff and full jitter, honour
 * {@code Retry-After}, and fail with an {@link dev.toolcase.llm.LlmException} that carries the
 * provider's own error message.
 */
package dev.toolcase.llm;
