package dev.toolcase;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.IntPredicate;
import tools.jackson.databind.JsonNode;

/**
 * How a thread's events group into the model's turns: the calls of one answer (a model may call
 * several tools at once), and what became of each call. The agent runs a turn's calls in order,
 * and the context renders each with its outcome, both by this one reading.
 *
 * <p>A turn is a run of consecutive call events. The events after it belong, in order, to its
 * first call that has not finished: a result of its intent, an {@code error}, a rejecting
 * {@code approval} of its id or, for a {@link HumanContact}, the {@code human_response} finish it;
 * an approving {@code approval} of its id marks it approved, to run; a {@code started} of its id
 * marks it started (and spends the approval). A {@code user_input} ends the turn: calls that had
 * not run by then never run.
 */
public final class Turns {

  /**
   * One call and what became of it.
   *
   * @param index the index of the call's event in the thread
   * @param outcomes the indices of the events that belong to it, in order
   * @param approved whether an approval of it was given since it last started
   * @param finished whether it finished (ran, failed, was rejected or answered)
   * @param abandoned whether its turn ended before it ran
   * @param started the index of its latest {@code started} event, or -1: a call started and not
   *     finished is being run, or its run stopped before storing the result
   */
  public record Call(int index, List<Integer> outcomes, boolean approved, boolean finished,
      boolean abandoned, int started) {

    /** Copies the outcomes. */
    public Call {
      outcomes = List.copyOf(outcomes);
    }
  }

  /**
   * The calls of one turn, in the order the model made them.
   *
   * @param calls the calls
   */
  public record Turn(List<Call> calls) {

    /** Copies the calls. */
    public Turn {
      calls = List.copyOf(calls);
    }

    /**
     * The first call that has not finished: the one to run or to decide on next.
     *
     * @return the call, or empty when every call finished
     */
    public Optional<Call> current() {
      return calls.stream().filter(call -> !call.finished()).findFirst();
    }
  }

  private Turns() {}

  /**
   * The turns of {@code events}, in order.
   *
   * @param events the thread's events
   * @param isCall whether the event at an index is a tool call (its data is a typed step)
   * @return the turns
   */
  public static List<Turn> of(List<Event> events, IntPredicate isCall) {
    return of(events, isCall, 0);
  }

  private static List<Turn> of(List<Event> events, IntPredicate isCall, int from) {
    List<Turn> turns = new ArrayList<>();
    List<Builder> open = null;
    for (int i = from; i < events.size(); i++) {
      if (isCall.test(i)) {
        if (open == null || i == from || !isCall.test(i - 1)) {
          close(open, turns);
          open = new ArrayList<>();
        }
        open.add(new Builder(i, events.get(i)));
        continue;
      }
      if (open == null) {
        continue;
      }
      Event event = events.get(i);
      if (event.type().equals(EventTypes.USER_INPUT)) {
        open.forEach(call -> call.abandoned = !call.finished);
        open.forEach(call -> call.finished = true);
        close(open, turns);
        open = null;
        continue;
      }
      Builder current = open.stream().filter(call -> !call.finished).findFirst().orElse(null);
      if (current != null && current.takes(event, i)) {
        current.outcomes.add(i);
      }
    }
    close(open, turns);
    return turns;
  }

  /**
   * The last turn of {@code events}, if it still has a call that has not finished.
   *
   * @param events the thread's events
   * @param isCall whether the event at an index is a tool call
   * @return the turn, or empty when no call waits
   */
  public static Optional<Turn> open(List<Event> events, IntPredicate isCall) {
    int start = events.size() - 1;
    while (start >= 0 && !isCall.test(start)) {
      start--;
    }
    while (start > 0 && isCall.test(start - 1)) {
      start--;
    }
    if (start < 0) {
      return Optional.empty();
    }
    List<Turn> turns = of(events, isCall, start);
    return turns.isEmpty() || turns.getLast().current().isEmpty()
        ? Optional.empty()
        : Optional.of(turns.getLast());
  }

  private static void close(List<Builder> open, List<Turn> turns) {
    if (open != null && !open.isEmpty()) {
      turns.add(new Turn(open.stream().map(Builder::build).toList()));
    }
  }

  /** A call whose outcome is being read. */
  private static final class Builder {
    final int index;
    final Event call;
    final List<Integer> outcomes = new ArrayList<>();
    boolean approved;
    boolean finished;
    boolean abandoned;
    int started = -1;

    Builder(int index, Event call) {
      this.index = index;
      this.call = call;
    }

    /** Whether {@code event}, at {@code at}, belongs to this call; marks what it does to it. */
    boolean takes(Event event, int at) {
      String type = event.type();
      if (type.equals(EventTypes.STARTED) && event.data() instanceof JsonNode data
          && PendingCall.idOf(index).equals(data.path("call_id").asString(""))) {
        started = at;
        approved = false;
        return true;
      }
      if (type.equals(EventTypes.resultOf(call.type())) || type.equals(EventTypes.ERROR)) {
        finished = true;
        return true;
      }
      if (type.equals(EventTypes.APPROVAL) && event.data() instanceof JsonNode data
          && PendingCall.idOf(index).equals(data.path("call_id").asString(""))) {
        approved = data.path("approved").asBoolean(false);
        finished = !approved;
        return true;
      }
      if (type.equals(EventTypes.HUMAN_RESPONSE) && call.data() instanceof HumanContact) {
        finished = true;
        return true;
      }
      return false;
    }

    Call build() {
      return new Call(index, outcomes, approved, finished, abandoned, started);
    }
  }
}
