// A werift peer speaking ortc4j's signal and peer CLI contract (shared/signal.md), on werift's
// ORTC-style lower layers (RTCIceGatherer -> RTCIceTransport -> RTCDtlsTransport), no SDP.
//
//   node interop/werift/peer.mjs --ice-role controlling|controlled [--ssrc N]
//        [--dtls-role auto|client|server] [--count N] [--timeout S] [--addr A] [--srtp gcm,cm]
//
// Line 1 of stdout is our signal; one line of stdin is the remote's; then one JSON event per
// line. Exit 0 when done, 2 on timeout, 1 on error. Logs go to stderr.
import { createInterface } from "node:readline";
import {
  IceCandidate,
  PictureLossIndication,
  RTCDtlsFingerprint,
  RTCDtlsParameters,
  RTCDtlsTransport,
  RTCIceGatherer,
  RTCIceParameters,
  RTCIceTransport,
  RtcpPayloadSpecificFeedback,
  RtcpReceiverInfo,
  RtcpRrPacket,
  RtcpSrPacket,
  ProtectionProfileAeadAes128Gcm as GCM,
  ProtectionProfileAes128CmHmacSha1_80 as CM,
  RtpHeader,
} from "werift";

const tMs = () => Math.round(process.uptime() * 1000);
let finished = false;
const out = (line) => {
  if (!finished) process.stdout.write(line + "\n");
};
const emit = (event, fields = {}) => out(JSON.stringify({ event, tMs: tMs(), ...fields }));
const log = (...args) => process.stderr.write(args.join(" ") + "\n");

const PROFILES = {
  gcm: GCM,
  aead_aes_128_gcm: GCM,
  srtp_aead_aes_128_gcm: GCM,
  cm: CM,
  aes128_cm_hmac_sha1_80: CM,
  srtp_aes128_cm_hmac_sha1_80: CM,
};
const PROFILE_NAMES = {
  [GCM]: "SRTP_AEAD_AES_128_GCM",
  [CM]: "SRTP_AES128_CM_HMAC_SHA1_80",
};
const CIPHERS = {
  0xc02b: "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256",
  0xc02f: "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256",
};

function parseFlags(argv) {
  const o = { dtlsRole: "auto", count: 50, timeout: 20, addr: "127.0.0.1",
    ssrc: 1 + Math.floor(Math.random() * 0xfffffffe), srtp: ["gcm", "cm"] };
  for (let i = 0; i < argv.length; i += 2) {
    const [flag, value] = [argv[i], argv[i + 1]];
    if (value === undefined) throw new Error(`${flag} needs a value`);
    switch (flag) {
      case "--ice-role":
        if (!["controlling", "controlled"].includes(value)) {
          throw new Error("--ice-role must be controlling or controlled");
        }
        o.iceRole = value;
        break;
      case "--ssrc": o.ssrc = Number(value); break;
      case "--dtls-role":
        if (!["auto", "client", "server"].includes(value)) {
          throw new Error("--dtls-role must be auto, client or server");
        }
        o.dtlsRole = value;
        break;
      case "--count": o.count = Number(value); break;
      case "--timeout": o.timeout = Number(value); break;
      case "--addr": o.addr = value.split(",")[0]; break;
      case "--srtp": o.srtp = value.split(","); break;
      case "--stun": o.stun = value; break;
      default: throw new Error(`unknown flag ${flag}`);
    }
  }
  if (!o.iceRole) throw new Error("--ice-role controlling|controlled is required");
  o.profiles = o.srtp.map((name) => {
    const p = PROFILES[name.toLowerCase()];
    if (p === undefined) throw new Error(`--srtp: werift has no profile "${name}"`);
    return p;
  });
  return o;
}

function finish(code, event, fields) {
  emit(event, fields);
  finished = true;
  // werift keeps timers and sockets open: the contract wants an exit, not a drained loop
  setTimeout(() => process.exit(code), 50);
}

function stdinLine() {
  return new Promise((resolve) => {
    const rl = createInterface({ input: process.stdin });
    rl.once("line", (line) => { resolve(line); rl.close(); }); // resolve first: close() emits "close" at once
    rl.once("close", () => resolve(null));
  });
}

const candidateJson = (c) => {
  const j = { foundation: String(c.foundation), priority: c.priority, address: c.ip,
    protocol: c.protocol, port: c.port, type: c.type, component: c.component };
  if (c.relatedAddress) Object.assign(j, { relatedAddress: c.relatedAddress, relatedPort: c.relatedPort });
  return j;
};

function rtcpFields(p) {
  if (p instanceof RtcpRrPacket) {
    return { type: 201, name: "RR", ssrc: p.ssrc, reports: p.reports.map(reportJson) };
  }
  if (p instanceof RtcpSrPacket) {
    return { type: 200, name: "SR", ssrc: p.ssrc, reports: p.reports.map(reportJson) };
  }
  if (p instanceof RtcpPayloadSpecificFeedback && p.feedback instanceof PictureLossIndication) {
    return { type: 206, name: "PLI", ssrc: p.feedback.senderSsrc, mediaSsrc: p.feedback.mediaSsrc };
  }
  return { type: p.type, name: p.constructor.name };
}
const reportJson = (r) => ({ ssrc: r.ssrc, fractionLost: r.fractionLost,
  cumulativeLost: r.packetsLost, highestSeq: r.highestSequence, jitter: r.jitter });

// werift's RTCDtlsTransport.sendRtcp lost the packet in about one run of three here: it was
// never on the wire (its socket write has no completion callback and errors are swallowed).
// So werift's SRTCP packet is written to the selected pair's socket here, awaiting the write.
async function sendRtcp(dtls, ice, packets) {
  const encrypted = dtls.srtcp.encrypt(Buffer.concat(packets.map((p) => p.serialize())));
  const pair = ice.connection.nominated;
  const [address, port] = pair.remoteAddr;
  await new Promise((resolve, reject) => pair.protocol.transport.socket.send(
    encrypted, port, address, (error) => (error ? reject(error) : resolve())));
}

async function main() {
  let o;
  try {
    o = parseFlags(process.argv.slice(2));
  } catch (e) {
    log(e.message);
    return finish(1, "error", { message: e.message });
  }
  let phase = "gathering";
  const timer = setTimeout(() => {
    log(`timeout while ${phase}`);
    finish(2, "timeout", { phase, rtpReceived: received });
  }, o.timeout * 1000);
  let received = 0;

  // werift skips loopback unless asked: gather on exactly the given address, nothing else
  const gatherer = new RTCIceGatherer({ useIpv4: false, useIpv6: false,
    additionalHostAddresses: [o.addr], interfaceAddresses: { udp4: o.addr } });
  // werift asks stun.l.google.com when no STUN server is given: nothing may leave loopback
  gatherer.connection.stunServer = undefined;
  gatherer.connection.iceControlling = o.iceRole === "controlling";
  const ice = new RTCIceTransport(gatherer);
  const certificate = await RTCDtlsTransport.SetupCertificate();
  const dtls = new RTCDtlsTransport({}, ice, certificate, o.profiles);
  if (o.dtlsRole !== "auto") dtls.role = o.dtlsRole;
  await gatherer.gather();
  const local = {
    iceParameters: { usernameFragment: gatherer.localParameters.usernameFragment,
      password: gatherer.localParameters.password, iceLite: false },
    iceCandidates: gatherer.localCandidates.map(candidateJson),
    dtlsParameters: { role: o.dtlsRole,
      fingerprints: dtls.localParameters.fingerprints.map((f) => ({
        algorithm: f.algorithm.toLowerCase(), value: f.value.toUpperCase() })) },
    iceRole: o.iceRole,
  };
  out(JSON.stringify(local));
  ice.onStateChange.subscribe((state) => emit("ice-state", { state }));
  dtls.onStateChange.subscribe((state) => emit("dtls-state", { state }));
  emit("ice-state", { state: "new" }); // werift reports its gatherer's "completed" until start
  emit("dtls-state", { state: dtls.state });

  phase = "waiting for the remote signal on stdin";
  const line = await stdinLine();
  if (line === null) return finish(1, "error", { message: "stdin ended before the remote signal", phase });
  let remote;
  try {
    remote = JSON.parse(line);
  } catch (e) {
    return finish(1, "error", { message: `remote signal: ${e.message}`, phase });
  }
  const signalledAt = tMs();

  let remoteSsrc = null;
  let firstRemote;
  const firstRemotePacket = new Promise((r) => { firstRemote = r; });
  let allReceived;
  const allArrived = new Promise((r) => { allReceived = r; });
  let plied;
  const remotePli = new Promise((r) => { plied = r; });
  let rtcpReceived = 0;
  dtls.onRtp.subscribe((packet) => {
    received++;
    const h = packet.header;
    if (remoteSsrc === null) { remoteSsrc = h.ssrc; firstRemote(); }
    const text = packet.payload.toString("latin1");
    const printable = packet.payload.length > 0 && /^[\x20-\x7e]*$/.test(text);
    emit("rtp", { ssrc: h.ssrc, pt: h.payloadType, seq: h.sequenceNumber, ts: h.timestamp,
      marker: h.marker, n: received, ...(printable ? { payload: text }
        : { payloadLen: packet.payload.length, payloadHex: packet.payload.subarray(0, 64).toString("hex") }) });
    if (received >= o.count) allReceived();
  });
  dtls.onRtcp.subscribe((p) => {
    rtcpReceived++;
    const fields = rtcpFields(p);
    emit("rtcp", fields);
    if (fields.name === "PLI") plied();
  });

  phase = "connecting ICE and DTLS";
  ice.setRemoteParams(new RTCIceParameters({ usernameFragment: remote.iceParameters.usernameFragment,
    password: remote.iceParameters.password, iceLite: !!remote.iceParameters.iceLite }));
  for (const c of remote.iceCandidates) {
    await ice.addRemoteCandidate(new IceCandidate(c.component ?? 1, c.foundation, c.address, c.port,
      c.priority, c.protocol, c.type));
  }
  await ice.addRemoteCandidate(undefined);
  const remoteRole = remote.dtlsParameters.role ?? "auto";
  dtls.setRemoteParams(new RTCDtlsParameters(remote.dtlsParameters.fingerprints.map(
    (f) => new RTCDtlsFingerprint(f.algorithm, f.value)), remoteRole));
  // The contract's role rule: an explicit local role wins, else the inverse of an explicit
  // remote role, else ICE controlling = server. werift's RTCDtlsTransport applies only the
  // last step (it never looks at the remote role), so the first two are applied here.
  if (o.dtlsRole === "auto" && remoteRole !== "auto") {
    dtls.role = remoteRole === "client" ? "server" : "client";
  }
  await ice.start();
  await dtls.start();
  const pair = ice.getSelectedCandidatePair();
  const side = (c) => {
    const [, , , , address, port, , type] = c.candidate.split(" ");
    return { address, port: Number(port), protocol: "udp", type };
  };
  emit("dtls-connected", { dtlsRole: dtls.role, iceRole: ice.role,
    srtpProfile: PROFILE_NAMES[dtls.dtls?.srtp?.srtpProfile] ?? String(dtls.dtls?.srtp?.srtpProfile),
    dtlsCipher: CIPHERS[dtls.dtls?.cipher?.cipherSuite] ?? String(dtls.dtls?.cipher?.cipherSuite),
    tlsVersion: "DTLSv1.2",
    selected: pair ? { local: side(pair.local), remote: side(pair.remote) } : null,
    msSinceRemoteSignal: tMs() - signalledAt });

  phase = "sending RTP";
  let seq = Math.floor(Math.random() * 65536);
  let ts = Math.floor(Math.random() * 0x100000000);
  for (let i = 0; i < o.count; i++) {
    const header = new RtpHeader({ payloadType: 111, sequenceNumber: seq, timestamp: ts,
      ssrc: o.ssrc, marker: i === 0 });
    await dtls.sendRtp(Buffer.from(`ping ${i}`, "ascii"), header);
    emit("rtp-sent", { ssrc: o.ssrc, seq, ts, payload: `ping ${i}` });
    seq = (seq + 1) & 0xffff;
    ts = (ts + 960) % 0x100000000;
    await new Promise((r) => setTimeout(r, 20));
  }
  phase = "waiting for the first remote RTP packet";
  await firstRemotePacket;
  await sendRtcp(dtls, ice, [
    new RtcpRrPacket({ ssrc: o.ssrc, reports: [new RtcpReceiverInfo({ ssrc: remoteSsrc,
      fractionLost: 0, packetsLost: 0, highestSequence: 0, jitter: 0, lsr: 0, dlsr: 0 })] }),
    new RtcpPayloadSpecificFeedback({ feedback: new PictureLossIndication({
      senderSsrc: o.ssrc, mediaSsrc: remoteSsrc }) }),
  ]);
  emit("rtcp-sent", { names: ["RR", "PLI"], mediaSsrc: remoteSsrc });
  phase = `receiving ${o.count} RTP packets`;
  await allArrived;
  await Promise.race([remotePli, new Promise((r) => setTimeout(r, 2000))]);
  clearTimeout(timer);
  phase = "stopping";
  await dtls.stop().catch(() => {});
  await ice.stop().catch(() => {});
  finish(0, "done", { rtpReceived: received, rtcpReceived });
}

main().catch((e) => {
  log(e && e.stack ? e.stack : String(e));
  finish(1, "error", { message: String(e && e.message ? e.message : e) });
});
