package dev.toolcase.example.deploy;

import dev.toolcase.AgentThread;
import dev.toolcase.Prompt;
import dev.toolcase.Template;

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
}
