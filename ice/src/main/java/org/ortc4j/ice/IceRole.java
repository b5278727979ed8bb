package org.ortc4j.ice;

/**
 * The ICE role of an agent: the controlling agent nominates the pair both sides use.
 *
 * <p>When both agents claim the same role, the tie-breakers decide and one side switches
 * (RFC 8445 §7.3.1.1); {@link IceAgent#role()} reports the role in force.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc8445#section-6.1.1">RFC 8445 §6.1.1</a>
 */
public enum IceRole {
  /** The agent that nominates the selected pair. */
  CONTROLLING,
  /** The agent that follows the controlling agent's nomination. */
  CONTROLLED;

  /** The role the peer of an agent in this role normally takes. */
  public IceRole opposite() {
    return this == CONTROLLING ? CONTROLLED : CONTROLLING;
  }
}
