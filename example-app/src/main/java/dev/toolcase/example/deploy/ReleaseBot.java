package dev.toolcase.example.deploy;

import dev.toolcase.AgentThread;
import dev.toolcase.Prompt;
import dev.toolcase.Template;

/**
 * The deployment bot for threads that start with the git tags already fetched by code (pre-fetched
 * context): {@link ListGitTags} is left out of its union, so the model cannot spend a turn on it.
 */
@Prompt(tools = {
    DeployBackend.class,
    DeployFrontend.class,
    RequestMoreInformation.class,
    DoneForNow.class})
public interface ReleaseBot {

  /** Decides the next step of a deployment thread whose tags are already known. */
  @Template("""
      {{role system}}
      You manage deployments. The git tags are in the thread already. Deploy to staging before
      production, and ask before production.
      {{role user}}
      {{thread}}
      What should the next step be?
      {{output_format}}
      """)
  ReleaseBotNextStep determineNextStep(AgentThread thread);
}
