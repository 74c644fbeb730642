package dev.toolcase.server;

import dev.toolcase.Agent;
import dev.toolcase.store.EventFormat;

/**
 * An agent the server runs, under its name, with the steps one request runs at most and the
 * format its events are stored in.
 *
 * @param <S> the union of the agent's steps
 */
record Registration<S>(String name, Agent<S> agent, int maxSteps, EventFormat format) {}
