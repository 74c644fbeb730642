package dev.toolcase.example.deploy;

import javax.annotation.processing.Generated;

/**
 * The next step the model may choose for {@link DeployBot}: one of its tools.
 *
 * <p>Sealed, so a {@code switch} over it must handle every tool.
 */
@Generated("dev.toolcase.processor.ToolcaseProcessor")
public sealed interface DeployBotNextStep permits ListGitTags, DeployBackend, DeployFrontend, RequestMoreInformation, DoneForNow {
}
