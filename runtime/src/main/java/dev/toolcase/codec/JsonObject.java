package dev.toolcase.codec;

import java.util.List;

/**
 * A JSON object: its members in the order written, a repeated name kept twice.
 *
 * @param members the members
 */
public record JsonObject(List<Member> members) implements JsonValue {

  /**
   * One member of an object.
   *
   * @param name the name as written
   * @param value the value
   */
  public record Member(String name, JsonValue value) {}

  /** Copies the members. */
  public JsonObject {
    members = List.copyOf(members);
  }

  /**
   * The number of members, a repeated name counted each time.
   *
   * @return the number of members
   */
  public int size() {
    return members.size();
  }

  /**
   * The value of the first member named exactly {@code name}.
   *
   * @param name the name
   * @return the value, or {@code null} when there is no such member
   */
  public JsonValue get(String name) {
    for (Member member : members) {
      if (member.name().equals(name)) {
        return member.value();
      }
    }
    return null;
  }

  @Override
  public String describe() {
    return "an object";
  }
}
