package dev.toolcase.processor;

/**
 * Every diagnostic the processor reports, in one place so the wording is reviewed together. Each
 * message starts with a stable tag, says what is wrong naming names, and says how to fix it.
 */
final class Messages {

  private Messages() {}

  static String toolNotRecord(String name, String kind) {
    return "[ToolNotRecord] @Tool must annotate a record, but " + name + " is " + kind
        + ". Declare it as `record " + name + "(...)`.";
  }

  static String promptNotInterface(String name, String kind) {
    return "[PromptNotInterface] @Prompt must annotate an interface, but " + name + " is " + kind
        + ". Declare it as `interface " + name + "`.";
  }

  static String promptWithoutTools(String prompt) {
    return "[PromptWithoutTools] " + prompt + " lists no tools. Name at least one @Tool record in"
        + " @Prompt(tools = {...}).";
  }

  static String toolNotAnnotated(String prompt, String tool) {
    return "[ToolNotAnnotated] " + prompt + " lists " + tool + ", but " + tool
        + " has no @Tool annotation. Add `@Tool(\"what it does\")` to " + tool + ".";
  }

  static String toolNotInUnion(String prompt, String tool, String union) {
    return "[ToolNotInUnion] " + prompt + " lists " + tool + ", but " + tool
        + " does not implement " + union + ". Add `implements " + union + "` to " + tool + ".";
  }

  static String toolInOtherPackage(String prompt, String tool, String toolPackage, String promptPackage) {
    return "[ToolInOtherPackage] " + prompt + " lists " + tool + " from package " + toolPackage
        + ", but the sealed union " + prompt + "NextStep is generated in package " + promptPackage
        + " and may only permit records of its own package. Move " + tool + " to "
        + promptPackage + ".";
  }

  static String duplicateTool(String prompt, String tool) {
    return "[DuplicateTool] " + prompt + " lists " + tool + " more than once. List each tool once.";
  }

  static String duplicateIntent(String prompt, String intent, String first, String second) {
    return "[DuplicateIntent] " + prompt + " lists " + first + " and " + second
        + ", which both have the intent \"" + intent + "\". Give one of them another name with"
        + " @Tool(name = \"...\").";
  }

  static String invalidIntent(String tool, String intent) {
    return "[InvalidIntent] The intent \"" + intent + "\" of " + tool + " is not a valid tool name."
        + " Use 1 to 64 letters, digits, '_' or '-' in @Tool(name = \"...\").";
  }

  static String reservedComponent(String tool, String component) {
    return "[ReservedName] " + tool + " has a component named \"" + component + "\", which the"
        + " JSON of its union uses as the discriminator. Rename the component.";
  }

  static String unsupportedType(String owner, String component, String type) {
    return "[UnsupportedType] " + owner + "." + component + " has type " + type
        + ", which has no JSON form. Use one of: String, primitives and their boxes, BigDecimal,"
        + " BigInteger, an enum, a record, a sealed interface of records, List or Set of these,"
        + " Map<String, V>, Optional<T> as a component, Instant or LocalDate.";
  }

  static String recursiveType(String owner, String component, String type) {
    return "[RecursiveType] " + owner + "." + component + " refers back to " + type
        + ", and recursive types have no finite strict schema. Break the cycle, for example with"
        + " a List of a separate record or an id.";
  }

  static String badUnionMember(String union, String member) {
    return "[UnsupportedType] The sealed interface " + union + " permits " + member
        + ", which is not a record. Only sealed interfaces of records have a JSON form.";
  }

  static String schemaLimit(String what, String limit, String fix) {
    return "[SchemaLimit] " + what + ", but OpenAI's strict mode allows " + limit
        + "; the provider would answer 400. " + fix;
  }

  static String unknownTemplateVariable(String method, String variable, String known) {
    return "[UnknownTemplateVariable] The template of " + method + " uses {{" + variable
        + "}}, which names no parameter. Use one of " + known
        + ", or add a parameter of that name.";
  }

  static String unknownTemplateComponent(String method, String variable, String type, String component) {
    return "[UnknownTemplateVariable] The template of " + method + " uses {{" + variable
        + "}}, but " + type + " has no component \"" + component + "\".";
  }

  static String badRole(String method, String role) {
    return "[UnknownTemplateVariable] The template of " + method + " uses {{role " + role
        + "}}. A role is one of system, user or assistant.";
  }

  static String threadWithoutParameter(String method) {
    return "[UnknownTemplateVariable] The template of " + method + " uses {{thread}}, but "
        + method + " has no AgentThread parameter to render. Add one, such as `AgentThread thread`.";
  }

  static String unclosedVariable(String method) {
    return "[UnknownTemplateVariable] The template of " + method
        + " opens a variable with {{ and never closes it. Close it with }}.";
  }

  static String missingTemplate(String method) {
    return "[MissingTemplate] " + method + " has no @Template, so there is no prompt to send."
        + " Add @Template(\"...\") or make it a default method.";
  }

  static String badReturnType(String method, String returnType, String union) {
    return "[BadReturnType] " + method + " returns " + returnType + ", but a prompt method returns "
        + union + ", a @Tool record, an enum, a record, or String. Change the return type.";
  }

  static String unexpected(String element, String stackTrace) {
    return "[Internal] The Toolcase processor failed on " + element
        + ". Please report this with the following stack trace:\n" + stackTrace;
  }

  static String stillMissing(String element, String types) {
    return "[MissingType] " + element + " refers to " + types
        + ", which no processor generated. Check the name and imports.";
  }
}
