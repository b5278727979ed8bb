package org.ortc4j.ice.internal;

import org.ice4j.ice.Agent;
import org.ortc4j.ice.IceParameters;

/**
 * An ice4j agent with our local ufrag and password (ice4j reads them only through these
 * getters), so that {@code IceAgent} can hand them out before ice4j has even loaded.
 */
final class ParameterizedAgent extends Agent {
  private final IceParameters local;

  ParameterizedAgent(IceParameters local) {
    this.local = local;
  }

  @Override
  public String getLocalUfrag() {
    // null only while ice4j's constructor runs (it may log its toString)
    return local == null ? super.getLocalUfrag() : local.usernameFragment();
  }

  @Override
  public String getLocalPassword() {
    return local == null ? super.getLocalPassword() : local.password();
  }
}
