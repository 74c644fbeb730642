package dev.toolcase.example.deploy;

import dev.toolcase.Param;

/** Where a deploy goes. */
public enum Environment {
  @Param("where changes are tried first")
  staging,
  @Param("the live site; deploys here need a human's approval")
  production
}
