package org.ortc4j.ice;

/**
 * Run in a child JVM under strace by {@link NoTrafficOffLoopbackTest}: the default test
 * configuration's whole life (first agent in the JVM, gathering, checks, consent, datagrams,
 * close) over 127.0.0.1 and ::1.
 */
public final class LoopbackTrafficMain {
  private LoopbackTrafficMain() {}

  /** Connects a pair per address family, exchanges datagrams both ways, closes; exit 0. */
  public static void main(String[] args) throws Exception {
    for (String address : new String[] {"127.0.0.1", "::1"}) {
      IceAgentConfig config = TestConfigs.base(address).build();
      try (AgentPair pair = new AgentPair(config, config)) {
        pair.connectTrickling(IceRole.CONTROLLING, IceRole.CONTROLLED);
        pair.awaitConnected(TestConfigs.WAIT);
        IceAgentConnectTest.assertDatagramsFlow(pair.a, pair.b);
        IceAgentConnectTest.assertDatagramsFlow(pair.b, pair.a);
      }
    }
    System.out.println("done");
    System.exit(0);
  }
}
