package dev.toolcase;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a record as a tool: a structured next step the model can choose.
 *
 * <p>The record's components are the tool's arguments. The processor derives a JSON Schema from
 * them, and the generated code parses the model's output into the record without reflection.
 *
 * <pre>{@code
 * @Tool("Deploy a backend tag to an environment")
 * public record DeployBackend(@Param("git tag, e.g. v1.2.3") String tag, Environment environment)
 *     implements DeployBotNextStep {}
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface Tool {

  /**
   * What the tool does, written for the model: the schema's and the tool definition's description.
   *
   * @return the description
   */
  String value();

  /**
   * The intent: the name the model uses for this tool. Defaults to the record's simple name in
   * snake_case ({@code DeployBackend} becomes {@code deploy_backend}).
   *
   * @return the intent, or empty for the default
   */
  String name() default "";

  /**
   * Whether every call of this tool waits for a human's approval before it runs.
   *
   * @return whether calls need approval
   */
  boolean approval() default false;
}
