package dev.toolcase.example.deploy;

import dev.toolcase.AgentThread;
import dev.toolcase.Prompt;
import dev.toolcase.Template;
import java.util.List;

/** The deployment bot: lists tags, deploys backends and frontends, asks before production. */
@Prompt(tools = {
    ListGitTags.class,
    DeployBackend.class,
    DeployFrontend.class,
    RequestMoreInformation.class,
    DoneForNow.class})
public interface DeployBot {

  /** Decides the next step of a deployment thread. */
  @Template("""
      {{role system}}
      You manage deployments. Deploy to staging before production, and ask before production.
      {{role user}}
      {{thread}}
      What should the next step be?
      {{output_format}}
      """)
  DeployBotNextStep determineNextStep(AgentThread thread);

  /**
   * Decides the next steps, several at once where they do not depend on each other (deploy the
   * backend and the frontend to staging): a turn of several tool calls.
   */
  @Template("""
      {{role system}}
      You manage deployments. Deploy to staging before production, and ask before production.
      Call several tools at once when they do not depend on each other.
      {{role user}}
      {{thread}}
      What should the next steps be?
      {{output_format}}
      """)
  List<DeployBotNextStep> determineNextSteps(AgentThread thread);
}
