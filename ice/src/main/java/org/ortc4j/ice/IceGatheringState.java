package org.ortc4j.ice;

/**
 * Where an {@link IceAgent} is in gathering its local candidates.
 *
 * <pre>
 *   NEW --gather()--&gt; GATHERING --all harvesters done--&gt; COMPLETE
 *    \                   \                                   \
 *     +-------------------+------------- close() -------------+--&gt; CLOSED
 * </pre>
 */
public enum IceGatheringState {
  /** {@link IceAgent#gather()} was not called yet. */
  NEW,
  /** Candidates are being found; each one is reported as it appears. */
  GATHERING,
  /** Every harvester finished or timed out; end-of-candidates was reported. */
  COMPLETE,
  /** The agent was closed. */
  CLOSED
}
