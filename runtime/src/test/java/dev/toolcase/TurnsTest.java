package dev.toolcase;

import static org.assertj.core.api.Assertions.assertThat;

import dev.toolcase.json.Json;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How events group into turns, and which call each outcome belongs to. */
class TurnsTest {

  /** A stand-in step: any data of this type is a call. */
  private record Call(String intent) {}

  private static final Instant AT = Instant.parse("2026-12-01T00:00:00Z");

  private static List<Event> events(Object... typesAndData) {
    List<Event> events = new ArrayList<>();
    for (int i = 0; i < typesAndData.length; i += 2) {
      events.add(new Event((String) typesAndData[i], typesAndData[i + 1], AT));
    }
    return events;
  }

  private static List<Turns.Turn> turns(List<Event> events) {
    return Turns.of(events, i -> events.get(i).data() instanceof Call);
  }

  private static Object approval(int index, boolean approved) {
    return Json.readTree("{\"call_id\":\"call_" + index + "\",\"approved\":" + approved + "}");
  }

  @Test
  void outcomesBelongToTheFirstCallThatHasNotFinished() {
    List<Event> events = events("user_input", "go", "a", new Call("a"), "b", new Call("b"),
        "a_result", "1", "error", "b failed", "user_input", "again");
    List<Turns.Turn> turns = turns(events);
    assertThat(turns).hasSize(1);
    assertThat(turns.getFirst().calls()).extracting(Turns.Call::outcomes)
        .containsExactly(List.of(3), List.of(4));
    assertThat(turns.getFirst().current()).isEmpty();
  }

  @Test
  void anApprovalOfTheCallMarksItApprovedAndARejectionFinishesIt() {
    List<Event> approved = events("a", new Call("a"), "b", new Call("b"), "approval", approval(0, true));
    Turns.Turn turn = Turns.open(approved, i -> approved.get(i).data() instanceof Call).orElseThrow();
    assertThat(turn.current().orElseThrow().index()).isZero();
    assertThat(turn.current().orElseThrow().approved()).isTrue();

    List<Event> rejected = events("a", new Call("a"), "b", new Call("b"), "approval", approval(0, false));
    Turns.Turn next = Turns.open(rejected, i -> rejected.get(i).data() instanceof Call).orElseThrow();
    assertThat(next.current().orElseThrow().index()).isEqualTo(1);
  }

  @Test
  void anApprovalOfAnotherCallBelongsToNone() {
    List<Event> events = events("a", new Call("a"), "approval", approval(7, true));
    Turns.Turn turn = Turns.open(events, i -> events.get(i).data() instanceof Call).orElseThrow();
    assertThat(turn.current().orElseThrow().approved()).isFalse();
    assertThat(turn.current().orElseThrow().outcomes()).isEmpty();
  }

  @Test
  void aUserMessageEndsTheTurnAndCallsNotRunAreAbandoned() {
    List<Event> events = events("a", new Call("a"), "b", new Call("b"), "a_result", "1",
        "user_input", "stop", "c", new Call("c"));
    List<Turns.Turn> turns = turns(events);
    assertThat(turns).hasSize(2);
    assertThat(turns.getFirst().calls()).extracting(Turns.Call::abandoned).containsExactly(false, true);
    assertThat(Turns.open(events, i -> events.get(i).data() instanceof Call).orElseThrow()
        .current().orElseThrow().index()).isEqualTo(4);
  }

  @Test
  void aThreadWithoutCallsHasNoOpenTurn() {
    List<Event> events = events("user_input", "hi", "error", "unreadable");
    assertThat(Turns.open(events, i -> false)).isEmpty();
    assertThat(turns(events)).isEmpty();
  }
}
