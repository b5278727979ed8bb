package org.ortc4j.api.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.ortc4j.dtls.DtlsCertificate;
import org.ortc4j.dtls.DtlsConfig;
import org.ortc4j.dtls.DtlsRole;
import org.ortc4j.dtls.DtlsSession;
import org.ortc4j.dtls.DtlsSessionListener;

/**
 * {@link DtlsRecords#isClientHello} on the datagrams of a real BouncyCastle DTLS-SRTP handshake
 * (run once over an in-memory pipe), and on damaged copies of them.
 */
class DtlsRecordsTest {
  private static List<byte[]> fromClient;
  private static List<byte[]> fromServer;

  @BeforeAll
  static void recordAHandshake() throws Exception {
    DtlsCertificate clientCert = DtlsCertificate.generate();
    DtlsCertificate serverCert = DtlsCertificate.generate();
    MemoryPipe[] pipe = MemoryPipe.pair();
    DtlsSession server = DtlsSession.start(DtlsRole.SERVER, pipe[1],
        config(serverCert, clientCert), new DtlsSessionListener() { });
    DtlsSession client = DtlsSession.start(DtlsRole.CLIENT, pipe[0],
        config(clientCert, serverCert), new DtlsSessionListener() { });
    try {
      client.handshake().get(15, TimeUnit.SECONDS);
      server.handshake().get(15, TimeUnit.SECONDS);
    } finally {
      client.close();
      server.close();
    }
    fromClient = pipe[0].sent();
    fromServer = pipe[1].sent();
  }

  @AfterAll
  static void forget() {
    fromClient = null;
    fromServer = null;
  }

  private static DtlsConfig config(DtlsCertificate own, DtlsCertificate peer) {
    return DtlsConfig.builder().certificate(own).remoteFingerprints(peer.fingerprints()).build();
  }

  @Test
  void theClientsFirstDatagramIsAClientHello() {
    byte[] hello = fromClient.get(0);
    assertThat(DtlsRecords.isClientHello(hello, 0, hello.length)).isTrue();
  }

  @Test
  void readsAtAnOffset() {
    byte[] hello = fromClient.get(0);
    byte[] framed = new byte[hello.length + 9];
    System.arraycopy(hello, 0, framed, 5, hello.length);
    assertThat(DtlsRecords.isClientHello(framed, 5, hello.length)).isTrue();
    assertThat(DtlsRecords.isClientHello(framed, 0, hello.length)).isFalse();
  }

  @Test
  void noOtherDatagramOfTheHandshakeIsOne() {
    byte[] serverHello = fromServer.get(0); // an epoch-0 handshake record of another type
    assertThat(serverHello[0]).isEqualTo((byte) 22);
    assertThat(serverHello[3] | serverHello[4]).isZero();
    assertThat(serverHello[13]).isEqualTo((byte) 2);
    for (byte[] d : fromServer) { // ServerHello .. Finished, then close_notify
      assertThat(DtlsRecords.isClientHello(d, 0, d.length)).isFalse();
    }
    for (byte[] d : fromClient.subList(1, fromClient.size())) { // Certificate .. Finished
      assertThat(DtlsRecords.isClientHello(d, 0, d.length)).isFalse();
    }
  }

  @ParameterizedTest(name = "cut to {0} bytes")
  @ValueSource(ints = {0, 1, 3, 5, 12, 13})
  void aDatagramTooShortForTheHandshakeTypeIsNot(int length) {
    byte[] hello = fromClient.get(0);
    assertThat(DtlsRecords.isClientHello(hello, 0, length)).isFalse();
  }

  @ParameterizedTest(name = "byte {0} set to {1}")
  @org.junit.jupiter.params.provider.CsvSource({
      "0, 23", // application data, not handshake
      "0, 21", // alert
      "0, 20", // change_cipher_spec
      "3, 1", // epoch 256
      "4, 1", // epoch 1: a renegotiation's ClientHello is encrypted, never ours to see
      "13, 2", // ServerHello
      "13, 3"}) // HelloVerifyRequest
  void anotherTypeOrEpochIsNot(int index, int value) {
    byte[] damaged = fromClient.get(0).clone();
    damaged[index] = (byte) value;
    assertThat(DtlsRecords.isClientHello(damaged, 0, damaged.length)).isFalse();
  }
}
