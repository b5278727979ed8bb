package org.ortc4j.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.reactivex.rxjava3.subscribers.TestSubscriber;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.ortc4j.api.internal.RoleRule;
import org.ortc4j.dtls.DtlsRole;
import org.ortc4j.ice.IceRole;
import org.ortc4j.rtp.RtpPacket;

/**
 * The DTLS role each side takes: Pion's precedence (explicit local role, then the inverse of the
 * peer's explicit role, then ICE controlling = DTLS server), and both sides taking the same role
 * reported as {@link DtlsTransportFailure#ROLE_CONFLICT} instead of a hang.
 */
class RoleTest {
  private TestCall call;

  @AfterEach
  void close() {
    if (call != null) {
      call.close();
    }
  }

  @ParameterizedTest(name = "local {0}, remote {1}, ICE {2} -> {3}")
  @CsvSource({
      "AUTO,   AUTO,   CONTROLLING, SERVER",
      "AUTO,   AUTO,   CONTROLLED,  CLIENT",
      "AUTO,   CLIENT, CONTROLLING, SERVER",
      "AUTO,   CLIENT, CONTROLLED,  SERVER",
      "AUTO,   SERVER, CONTROLLING, CLIENT",
      "AUTO,   SERVER, CONTROLLED,  CLIENT",
      "CLIENT, AUTO,   CONTROLLING, CLIENT",
      "CLIENT, SERVER, CONTROLLED,  CLIENT",
      "CLIENT, CLIENT, CONTROLLING, CLIENT",
      "SERVER, AUTO,   CONTROLLED,  SERVER",
      "SERVER, CLIENT, CONTROLLING, SERVER",
      "SERVER, SERVER, CONTROLLED,  SERVER",
  })
  void roleRulePrecedence(DtlsTransportRole local, DtlsTransportRole remote, IceRole ice,
      DtlsRole expected) {
    assertThat(RoleRule.resolve(concrete(local), concrete(remote), ice)).isEqualTo(expected);
  }

  private static DtlsRole concrete(DtlsTransportRole role) {
    return role == DtlsTransportRole.AUTO ? null : role.toDtlsRole();
  }

  /** Auto on both sides, with either peer controlling ICE: the controlling one is the server. */
  @ParameterizedTest(name = "first peer ICE-controlling: {0}")
  @CsvSource({"true", "false"})
  void autoRolesFollowIce(boolean firstControls) throws Exception {
    call = new TestCall();
    TestPeer controlling = firstControls ? call.controlling : call.controlled;
    TestPeer controlled = firstControls ? call.controlled : call.controlling;

    Outcomes.success(TestCall.connect(controlling, controlled,
        controlled.dtls.getLocalParameters(), controlling.dtls.getLocalParameters()));

    assertThat(controlling.ice.role()).contains(IceRole.CONTROLLING);
    assertThat(controlled.ice.role()).contains(IceRole.CONTROLLED);
    assertThat(controlling.dtls.role()).contains(DtlsRole.SERVER);
    assertThat(controlled.dtls.role()).contains(DtlsRole.CLIENT);
    assertThat(controlling.dtls.handshakeResult().orElseThrow().role()).isEqualTo(DtlsRole.SERVER);
    assertMediaFlowsBothWays(controlling, controlled);
  }

  /**
   * One side fixes its role in the settings, the other is auto: the fixed side signals its role
   * and takes it, the auto side takes the inverse, whatever the ICE roles say.
   */
  @ParameterizedTest(name = "controlling {0}, controlled {1}")
  @CsvSource({
      "CLIENT, AUTO,   CLIENT, SERVER",
      "SERVER, AUTO,   SERVER, CLIENT",
      "AUTO,   SERVER, CLIENT, SERVER",
      "AUTO,   CLIENT, SERVER, CLIENT",
      "CLIENT, SERVER, CLIENT, SERVER",
  })
  void explicitRoleWinsAndThePeerTakesTheInverse(DtlsTransportRole controllingSetting,
      DtlsTransportRole controlledSetting, DtlsRole controllingRole, DtlsRole controlledRole)
      throws Exception {
    call = new TestCall(TestPeer.settings().dtlsRole(controllingSetting).build(),
        TestPeer.settings().dtlsRole(controlledSetting).build());
    TestPeer a = call.controlling;
    TestPeer b = call.controlled;
    assertThat(a.dtls.getLocalParameters().role()).isEqualTo(controllingSetting);
    assertThat(b.dtls.getLocalParameters().role()).isEqualTo(controlledSetting);

    Outcomes.success(call.connect());

    assertThat(a.dtls.role()).contains(controllingRole);
    assertThat(b.dtls.role()).contains(controlledRole);
    assertMediaFlowsBothWays(a, b);
  }

  /**
   * Both sides fixed to the same role fail with ROLE_CONFLICT on both sides, never a hang: two
   * servers after the role-conflict timeout (3 s here) without a ClientHello; two clients at
   * once on each other's ClientHello when both paths are up. With DTLS started before ICE
   * connects (the usual order), one ClientHello can be lost to ICE (it beats the receiver's pair
   * selection): the side that lost it still fails with ROLE_CONFLICT, by the same timeout.
   */
  @ParameterizedTest(name = "both {0}, DTLS started before ICE connected: {1}")
  @CsvSource({"SERVER, false", "SERVER, true", "CLIENT, false", "CLIENT, true"})
  void sameRoleOnBothSidesFailsWithRoleConflict(DtlsTransportRole both, boolean dtlsFirst)
      throws Exception {
    OrtcSettings settings = TestPeer.settings().dtlsRole(both).build();
    call = new TestCall(settings, settings);
    TestPeer a = call.controlling;
    TestPeer b = call.controlled;
    CompletableFuture<Void> ice = TestCall.connectIce(a, b);
    if (!dtlsFirst) {
      Outcomes.success(ice);
    }
    CompletableFuture<Void> startA = a.dtls.startAsync(b.dtls.getLocalParameters());
    CompletableFuture<Void> startB = b.dtls.startAsync(a.dtls.getLocalParameters());
    Outcomes.success(ice);

    Duration bound = both == DtlsTransportRole.CLIENT && !dtlsFirst
        ? Duration.ofMillis(2000) // well below the 3 s conflict and 8 s handshake timeouts
        : settings.dtlsRoleConflictTimeout().plusSeconds(2);
    for (var start : List.of(startA, startB)) {
      DtlsTransportException e = Outcomes.failure(start, bound, DtlsTransportException.class);
      assertThat(e.reason()).isEqualTo(DtlsTransportFailure.ROLE_CONFLICT);
    }
    for (TestPeer peer : List.of(a, b)) {
      assertThat(peer.dtlsStates.await(DtlsTransportState.FAILED, TestPeer.WAIT)).isTrue();
      assertThat(peer.dtls.state()).isEqualTo(DtlsTransportState.FAILED);
      assertThat(peer.dtls.failureCause()).hasValueSatisfying(
          e -> assertThat(e.reason()).isEqualTo(DtlsTransportFailure.ROLE_CONFLICT));
      assertThat(peer.dtls.role()).contains(both.toDtlsRole());
      assertThat(peer.dtlsStates.values()).containsExactly(DtlsTransportState.NEW,
          DtlsTransportState.CONNECTING, DtlsTransportState.FAILED);
    }
  }

  /**
   * Both sides start ICE as controlling: the ICE role conflict (RFC 8445 §7.3.1.1) switches one
   * of them, {@link IceTransport#role()} shows the live role, and the auto DTLS roles follow
   * the live ICE roles, so the call connects.
   */
  @ParameterizedTest(name = "both ICE {0}")
  @EnumSource(IceRole.class)
  void iceRoleConflictIsResolvedAndDtlsFollowsTheLiveRole(IceRole both) throws Exception {
    call = new TestCall();
    TestPeer a = call.controlling;
    TestPeer b = call.controlled;
    a.gatherTo(b);
    b.gatherTo(a);
    CompletableFuture<?> ice = CompletableFuture.allOf(a.startIce(b, both), b.startIce(a, both));
    CompletableFuture<Void> dtls = CompletableFuture.allOf(
        a.dtls.startAsync(b.dtls.getLocalParameters()),
        b.dtls.startAsync(a.dtls.getLocalParameters()));

    Outcomes.success(ice);
    Outcomes.success(dtls);

    assertThat(List.of(a.ice.role().orElseThrow(), b.ice.role().orElseThrow()))
        .containsExactlyInAnyOrder(IceRole.CONTROLLING, IceRole.CONTROLLED);
    for (TestPeer peer : List.of(a, b)) {
      DtlsRole expected = peer.ice.role().orElseThrow() == IceRole.CONTROLLING
          ? DtlsRole.SERVER : DtlsRole.CLIENT;
      assertThat(peer.dtls.role()).contains(expected);
    }
    assertMediaFlowsBothWays(a, b);
  }

  private static void assertMediaFlowsBothWays(TestPeer a, TestPeer b) {
    TestSubscriber<RtpPacket> atB = b.dtls.readRtp(0xA).test();
    TestSubscriber<RtpPacket> atA = a.dtls.readRtp(0xB).test();
    a.dtls.writeRtp(OrtcCallTest.packet(0xA, 1));
    b.dtls.writeRtp(OrtcCallTest.packet(0xB, 2));
    atB.awaitCount(1);
    atA.awaitCount(1);
    assertThat(atB.values()).containsExactly(OrtcCallTest.packet(0xA, 1));
    assertThat(atA.values()).containsExactly(OrtcCallTest.packet(0xB, 2));
  }
}
