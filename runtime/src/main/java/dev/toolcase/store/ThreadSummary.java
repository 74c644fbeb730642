package dev.toolcase.store;

import dev.toolcase.Status;

/**
 * A thread without its events, as {@link ThreadStore#list} returns it.
 *
 * @param id the thread's id
 * @param agent the agent that owns it
 * @param version its number of events
 * @param status its status
 */
public record ThreadSummary(String id, String agent, long version, Status status) {}
