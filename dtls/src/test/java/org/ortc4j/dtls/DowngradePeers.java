package org.ortc4j.dtls;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.SecureRandom;
import java.util.Hashtable;
import java.util.concurrent.CompletableFuture;
import org.bouncycastle.tls.CertificateRequest;
import org.bouncycastle.tls.CipherSuite;
import org.bouncycastle.tls.DTLSClientProtocol;
import org.bouncycastle.tls.DTLSServerProtocol;
import org.bouncycastle.tls.DefaultTlsClient;
import org.bouncycastle.tls.DefaultTlsServer;
import org.bouncycastle.tls.ProtocolVersion;
import org.bouncycastle.tls.TlsAuthentication;
import org.bouncycastle.tls.TlsCredentials;
import org.bouncycastle.tls.TlsExtensionsUtils;
import org.bouncycastle.tls.TlsSRTPUtils;
import org.bouncycastle.tls.TlsServerCertificate;
import org.bouncycastle.tls.UseSRTPData;
import org.bouncycastle.tls.crypto.impl.bc.BcTlsCrypto;
import org.ortc4j.dtls.internal.PacketDatagramTransport;

/**
 * Plain BouncyCastle DTLS 1.2 peers configured as a downgrading attacker would be: they offer
 * (or, as server, answer with) only the cipher suites and use_srtp profile ids they are given —
 * NULL SRTP, unknown ids, static-RSA suites — and carry no certificate, since every downgrade
 * must be refused at the first hello, before any certificate matters. Public for the api module's
 * downgrade tests (through this module's test jar).
 */
public final class DowngradePeers {
  /** RFC 5764 SRTP_NULL_HMAC_SHA1_80 and _32: authentication without encryption. */
  static final int SRTP_NULL_HMAC_SHA1_80 = 0x0005;
  static final int SRTP_NULL_HMAC_SHA1_32 = 0x0006;
  /** Static-RSA key exchange: no forward secrecy. */
  static final int[] STATIC_RSA = {CipherSuite.TLS_RSA_WITH_AES_128_GCM_SHA256,
      CipherSuite.TLS_RSA_WITH_AES_128_CBC_SHA};
  /** What ortc4j offers, as an honest peer would accept it. */
  static final int[] ECDHE_ECDSA = {CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256};

  private DowngradePeers() {}

  /** A hostile client running on its own thread, and what it saw of the server's answer. */
  public static final class HostileClient {
    /** Completes when the handshake ends; fails when it was refused. */
    public final CompletableFuture<Void> done;
    private final Client client;

    private HostileClient(Client client, CompletableFuture<Void> done) {
      this.client = client;
      this.done = done;
    }

    /** The cipher suite the server selected, or -1 before its ServerHello. */
    public int selectedSuite() {
      return client.selectedSuite;
    }

    /** The server's use_srtp answer, or null before its ServerHello or without one. */
    public int[] srtpAnswer() {
      return client.srtpAnswer;
    }
  }

  /** Runs a hostile client over {@code transport} on a new thread. */
  public static HostileClient client(PacketTransport transport, int[] suites, int[] srtpIds) {
    Client client = new Client(suites, srtpIds);
    return new HostileClient(client, CompletableFuture.runAsync(() -> {
      try {
        new DTLSClientProtocol().connect(client,
            new PacketDatagramTransport(transport, 1200)).close();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }));
  }

  /**
   * Runs a hostile server over {@code transport} on a new thread.
   *
   * @param srtpAnswer the use_srtp answer it sends whatever the client offered (a single id
   *     array), or null to answer honestly: echo nothing when it has no profile the client offered
   */
  public static CompletableFuture<Void> server(PacketTransport transport, int[] suites,
      int[] srtpAnswer) {
    return CompletableFuture.runAsync(() -> {
      try {
        new DTLSServerProtocol().accept(new Server(suites, srtpAnswer),
            new PacketDatagramTransport(transport, 1200)).close();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
  }

  private static final class Client extends DefaultTlsClient {
    private final int[] suites;
    private final int[] srtpIds;
    private volatile int selectedSuite = -1;
    private volatile int[] srtpAnswer;

    Client(int[] suites, int[] srtpIds) {
      super(new BcTlsCrypto(new SecureRandom()));
      this.suites = suites;
      this.srtpIds = srtpIds;
    }

    @Override
    protected ProtocolVersion[] getSupportedVersions() {
      return ProtocolVersion.DTLSv12.only();
    }

    @Override
    protected int[] getSupportedCipherSuites() {
      return suites.clone();
    }

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public Hashtable getClientExtensions() throws IOException {
      Hashtable extensions =
          TlsExtensionsUtils.ensureExtensionsInitialised(super.getClientExtensions());
      TlsSRTPUtils.addUseSRTPExtension(extensions, new UseSRTPData(srtpIds, new byte[0]));
      return extensions;
    }

    @Override
    public void notifySelectedCipherSuite(int suite) {
      super.notifySelectedCipherSuite(suite);
      selectedSuite = suite;
    }

    @Override
    @SuppressWarnings("rawtypes")
    public void processServerExtensions(Hashtable serverExtensions) throws IOException {
      super.processServerExtensions(serverExtensions);
      UseSRTPData answer = serverExtensions == null ? null
          : TlsSRTPUtils.getUseSRTPExtension(serverExtensions);
      srtpAnswer = answer == null ? null : answer.getProtectionProfiles();
    }

    @Override
    public TlsAuthentication getAuthentication() {
      return new TlsAuthentication() {
        @Override
        public void notifyServerCertificate(TlsServerCertificate certificate) {}

        @Override
        public TlsCredentials getClientCredentials(CertificateRequest request) {
          return null;
        }
      };
    }
  }

  private static final class Server extends DefaultTlsServer {
    private final int[] suites;
    private final int[] srtpAnswer;

    Server(int[] suites, int[] srtpAnswer) {
      super(new BcTlsCrypto(new SecureRandom()));
      this.suites = suites;
      this.srtpAnswer = srtpAnswer;
    }

    @Override
    protected ProtocolVersion[] getSupportedVersions() {
      return ProtocolVersion.DTLSv12.only();
    }

    @Override
    protected int[] getSupportedCipherSuites() {
      return suites.clone();
    }

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public Hashtable getServerExtensions() throws IOException {
      Hashtable extensions =
          TlsExtensionsUtils.ensureExtensionsInitialised(super.getServerExtensions());
      if (srtpAnswer != null) {
        TlsSRTPUtils.addUseSRTPExtension(extensions, new UseSRTPData(srtpAnswer, new byte[0]));
      }
      return extensions;
    }
  }
}
