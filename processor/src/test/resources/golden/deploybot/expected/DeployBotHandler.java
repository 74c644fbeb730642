package dev.toolcase.example.deploy;

import javax.annotation.processing.Generated;

/**
 * Handles each step of {@link DeployBot}. Implement one method per tool; {@link #handle}
 * dispatches with an exhaustive switch, so a new tool breaks every handler that
 * does not handle it.
 *
 * @param <R> what handling a step returns
 */
@Generated("dev.toolcase.processor.ToolcaseProcessor")
public interface DeployBotHandler<R> {
  /**
   * Handles {@link ListGitTags} ({@code list_git_tags}).
   *
   * @param call the step
   * @return what the model reads as the result
   */
  R listGitTags(ListGitTags call);

  /**
   * Handles {@link DeployBackend} ({@code deploy_backend}).
   *
   * @param call the step
   * @return what the model reads as the result
   */
  R deployBackend(DeployBackend call);

  /**
   * Handles {@link DeployFrontend} ({@code deploy_frontend}).
   *
   * @param call the step
   * @return what the model reads as the result
   */
  R deployFrontend(DeployFrontend call);

  /**
   * Handles {@link RequestMoreInformation} ({@code request_more_information}).
   *
   * @param call the step
   * @return what the model reads as the result
   */
  R requestMoreInformation(RequestMoreInformation call);

  /**
   * Handles {@link DoneForNow} ({@code done_for_now}).
   *
   * @param call the step
   * @return what the model reads as the result
   */
  R doneForNow(DoneForNow call);

  /**
   * Dispatches {@code step} to the method of its tool.
   *
   * @param step the step
   * @return what its method returns
   */
  default R handle(DeployBotNextStep step) {
    return switch (step) {
      case ListGitTags call -> listGitTags(call);
      case DeployBackend call -> deployBackend(call);
      case DeployFrontend call -> deployFrontend(call);
      case RequestMoreInformation call -> requestMoreInformation(call);
      case DoneForNow call -> doneForNow(call);
    };
  }
}
