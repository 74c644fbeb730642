package dev.toolcase.processor;

import java.util.Locale;
import javax.tools.Diagnostic;

/**
 * Every diagnostic the processor gives, in one catalogue so the wording is reviewed together.
 * Each has a tag of its own, which starts its message ({@code [ToolNotRecord] ...}); a message
 * says what is wrong, naming names, and how to fix it. Warnings name the key that silences them
 * with {@code @SuppressWarnings} on the element.
 */
enum Message {

  TOOL_NOT_RECORD("@Tool must annotate a record, but %s is %s. Declare it as `record %s(...)`."),
  PROMPT_NOT_INTERFACE("@Prompt must annotate an interface, but %s is %s. Declare it as `interface %s`."),
  PROMPT_WITHOUT_TOOLS("%s lists no tools. Name at least one @Tool record in @Prompt(tools = {...})."),
  TOOL_NOT_ANNOTATED("%s lists %s, but %s has no @Tool annotation. Add `@Tool(\"what it does\")` to %s."),
  TOOL_NOT_IN_UNION("%s lists %s, but %s does not implement %s. Add `implements %s` to %s."),
  TOOL_NOT_LISTED("%s implements %s, but %s does not list it, and the union is sealed to the tools"
      + " listed. Add %s.class to @Prompt(tools = {...}) of %s, or remove `implements %s`."),
  TOOL_IN_OTHER_PACKAGE("%s lists %s from package %s, but the sealed union %sNextStep is generated in"
      + " package %s and may only permit records of its own package. Move %s to %s."),
  DUPLICATE_TOOL("%s lists %s more than once. List each tool once."),
  DUPLICATE_INTENT("%s lists %s and %s, which both have the intent \"%s\". Give one of them another"
      + " name with @Tool(name = \"...\")."),
  INVALID_INTENT("The name \"%s\" of %s is not a valid tool name: providers take 1 to 64 letters,"
      + " digits, '_' or '-' (and no dots). Use such a name in @Tool(name = \"...\"), for example"
      + " \"%s\"."),
  INTENT_MAPPED(Diagnostic.Kind.NOTE, null, "The name \"%s\" of %s has dots, which no provider takes in a function name; it is"
      + " offered as \"%s\", and a call named either way reads as %s."),
  RESERVED_NAME("%s has a component named \"%s\", which the JSON of its union uses as the"
      + " discriminator. Rename the component, or give it another JSON name with @Param(name = \"...\")."),
  NAME_CLASH("%s has components whose JSON names \"%s\" and \"%s\" read the same ignoring case and"
      + " separators, so a model's answer could not tell them apart. Rename one, or give it another"
      + " JSON name with @Param(name = \"...\")."),
  INVALID_JSON_NAME("%s.%s has the JSON name \"%s\", which is empty or has control characters. Use a"
      + " name of printable characters in @Param(name = \"...\")."),
  UNSUPPORTED_TYPE("%s.%s has type %s, which has no JSON form. Use one of: String, primitives and"
      + " their boxes, BigDecimal, BigInteger, an enum, a record, a sealed interface of records, List"
      + " or Set of these, Map<String, V>, Optional<T> as a component, Instant, LocalDate, or"
      + " JsonNode for any JSON value."),
  SEALED_MEMBER_NOT_RECORD("The sealed interface %s permits %s, which is not a record. Only sealed"
      + " interfaces of records have a JSON form: make %s a record."),
  RECURSIVE_TYPE("%s.%s refers back to %s, and recursive types have no finite strict schema. Break"
      + " the cycle, for example with a List of a separate record or an id."),
  MISSING_TYPE("%s.%s has type %s, which does not exist: no source declares it and no processor"
      + " generated it. Check the name and the imports."),
  MISSING_TOOL("%s lists %s, which does not exist: no source declares it and no processor generated"
      + " it. Check the name and the imports."),
  CONSTRAINT_ON_WRONG_TYPE("%s.%s has @%s, which applies to %s, but its type is %s. Remove the"
      + " annotation or change the type."),
  BAD_CONSTRAINT("%s.%s has @%s(%s), which %s. Fix the annotation's value."),
  BAD_DEFAULT("%s.%s has the default \"%s\", which is not %s. Give a default of its type in"
      + " @Param(defaultValue = \"...\")."),
  DEFAULT_ON_UNSUPPORTED("%s.%s has a default, but defaults are taken for strings, numbers, booleans,"
      + " characters, enums, instants and dates, and its type is %s. Remove the default, or use"
      + " Optional<T> and decide in the handler."),
  SCHEMA_DEPTH("The schema of %s nests objects %d levels deep, but OpenAI's strict mode allows %d;"
      + " the provider would answer 400. Flatten nested records."),
  SCHEMA_PROPERTIES("The schema of %s has %d properties, but OpenAI's strict mode allows %d; the"
      + " provider would answer 400. Split the tool into smaller tools."),
  SCHEMA_ENUM_VALUES("The schema of %s has %d enum values, but OpenAI's strict mode allows %d in all;"
      + " the provider would answer 400. Use a String and check the value in the handler."),
  SCHEMA_STRING_LENGTH("The property names, enum values and constants of %s add up to %d characters,"
      + " but OpenAI's strict mode allows %d; the provider would answer 400. Shorten names or split"
      + " the tool."),
  UNION_LIMITS(Diagnostic.Kind.WARNING, "union-limits", "The union of %s, as a strict response format,"
      + " breaks OpenAI's limits: %s. Its tools may still be offered as tools; a request that sends"
      + " the union as a response format is refused before it is sent. Split the prompt, or silence"
      + " this with @SuppressWarnings(\"toolcase:union-limits\")."),
  TOO_MANY_TOOLS(Diagnostic.Kind.WARNING, "tool-count", "%s lists %d tools, but OpenAI accepts at"
      + " most %d functions in one request; a request to OpenAI with them all is refused before it"
      + " is sent. Split the prompt into smaller agents, or silence this with"
      + " @SuppressWarnings(\"toolcase:tool-count\")."),
  NO_FINAL_ANSWER(Diagnostic.Kind.WARNING, "no-final-answer", "No tool of %s implements FinalAnswer,"
      + " so a thread of it never finishes by itself. Add `implements FinalAnswer` to the tool that"
      + " ends a thread, or silence this with @SuppressWarnings(\"toolcase:no-final-answer\")."),
  UNUSED_PARAMETER(Diagnostic.Kind.WARNING, "unused-parameter", "The template of %s never uses the"
      + " parameter %s, so the model never sees it. Add {{%s}} to the template, or silence this with"
      + " @SuppressWarnings(\"toolcase:unused-parameter\")."),
  UNKNOWN_TEMPLATE_VARIABLE("The template of %s uses {{%s}}, which names no parameter.%s Use one of"
      + " %s, or add a parameter of that name."),
  UNKNOWN_TEMPLATE_COMPONENT("The template of %s uses {{%s}}, but %s has no component \"%s\".%s"),
  UNKNOWN_ROLE("The template of %s uses {{role %s}}. A role is one of system, user or assistant.%s"),
  THREAD_WITHOUT_PARAMETER("The template of %s uses {{thread}}, but %s has no AgentThread parameter"
      + " to render. Add one, such as `AgentThread thread`."),
  UNCLOSED_VARIABLE("The template of %s opens a variable with {{ and never closes it. Close it with }}."),
  MISSING_TEMPLATE("%s has no @Template, so there is no prompt to send. Add @Template(\"...\") or make"
      + " it a default method."),
  BAD_RETURN_TYPE("%s returns %s, but a prompt method returns %s, List<%s> for a turn that may"
      + " call several tools, a record, an enum, or String. Change the return type."),
  INTERNAL("The Toolcase processor failed on %s. Please report this with the following stack"
      + " trace:%n%s");

  private final Diagnostic.Kind kind;
  private final String key;
  private final String format;

  Message(String format) {
    this(Diagnostic.Kind.ERROR, null, format);
  }

  Message(Diagnostic.Kind kind, String key, String format) {
    this.kind = kind;
    this.key = key;
    this.format = format;
  }

  /** The tag, such as {@code ToolNotRecord}: the constant's name in upper camel case. */
  String tag() {
    StringBuilder tag = new StringBuilder();
    for (String word : name().split("_")) {
      tag.append(word.charAt(0)).append(word.substring(1).toLowerCase(Locale.ROOT));
    }
    return tag.toString();
  }

  /** Whether this is an error, a warning or a note. */
  Diagnostic.Kind kind() {
    return kind;
  }

  /** The key that silences a warning, {@code toolcase:<key>}; {@code null} for an error. */
  String suppressionKey() {
    return key == null ? null : "toolcase:" + key;
  }

  /** The message with {@code args}, tagged. */
  String format(Object... args) {
    return "[" + tag() + "] " + String.format(Locale.ROOT, format, args);
  }
}
