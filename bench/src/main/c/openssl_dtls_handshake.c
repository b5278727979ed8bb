/*
 * OpenSSL 3 to OpenSSL 3 DTLS 1.2 handshakes in one process: the baseline ortc4j's handshake is
 * measured against (bench/README.md, "Performance: DTLS").
 *
 * Both ends are set up as a WebRTC endpoint sets them up: self-signed ECDSA P-256 certificates,
 * mutual authentication with the peer's certificate checked against its expected SHA-256
 * fingerprint (as SDP's a=fingerprint is checked), use_srtp with ortc4j's default profile order,
 * extended master secret required, ECDHE_ECDSA AEAD suites, no session tickets, no cookies. The
 * two SSL objects talk over an AF_UNIX datagram socketpair; one thread steps both handshakes in
 * turn, so wall time and process CPU time per handshake are both ends' work.
 *
 * Each handshake is timed from SSL_new to the SRTP keying material exported on both ends (and
 * compared), excluding SSL_free. Fresh SSL objects each time: every handshake is a full one.
 *
 * Build: gcc -O2 -Wall -o target/openssl_dtls_handshake src/main/c/openssl_dtls_handshake.c -lssl -lcrypto
 * Run:   target/openssl_dtls_handshake [-n handshakes] [-w warmup] [-g groups]
 *        groups is an OpenSSL group list, e.g. P-256 (default: OpenSSL's own list, X25519 first);
 *        it must include P-256, the certificates' curve, for ECDSA to be usable in DTLS 1.2.
 * Output: key=value lines; wall_ns and cpu_ns list every measured handshake.
 */
#include <errno.h>
#include <fcntl.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/rand.h>
#include <openssl/srtp.h>
#include <openssl/ssl.h>
#include <openssl/x509.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#define SRTP_PROFILES \
  "SRTP_AEAD_AES_128_GCM:SRTP_AEAD_AES_256_GCM:SRTP_AES128_CM_SHA1_80:SRTP_AES128_CM_SHA1_32"
#define CIPHERS \
  "ECDHE-ECDSA-AES128-GCM-SHA256:ECDHE-ECDSA-AES256-GCM-SHA384:ECDHE-ECDSA-CHACHA20-POLY1305"
#define MAX_STEPS 100000

/* One end's identity and the fingerprint it expects from its peer. */
typedef struct {
  EVP_PKEY *key;
  X509 *cert;
  unsigned char expected_peer_fingerprint[EVP_MAX_MD_SIZE];
} endpoint;

static void die(const char *what) {
  fprintf(stderr, "error: %s\n", what);
  ERR_print_errors_fp(stderr);
  exit(1);
}

static long long now_ns(clockid_t clock) {
  struct timespec t;
  clock_gettime(clock, &t);
  return (long long)t.tv_sec * 1000000000LL + t.tv_nsec;
}

/* A self-signed certificate as WebRTC endpoints make them: random serial, valid from yesterday
 * for 30 days. */
static void make_identity(endpoint *end, const char *common_name) {
  end->key = EVP_EC_gen("P-256");
  end->cert = X509_new();
  if (end->key == NULL || end->cert == NULL) die("key generation");
  unsigned char serial[8];
  RAND_bytes(serial, sizeof serial);
  serial[0] &= 0x7f;
  BIGNUM *bn = BN_bin2bn(serial, sizeof serial, NULL);
  BN_to_ASN1_INTEGER(bn, X509_get_serialNumber(end->cert));
  BN_free(bn);
  X509_set_version(end->cert, X509_VERSION_3);
  X509_gmtime_adj(X509_getm_notBefore(end->cert), -86400L);
  X509_gmtime_adj(X509_getm_notAfter(end->cert), 30L * 86400L);
  X509_NAME *name = X509_get_subject_name(end->cert);
  X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_ASC, (const unsigned char *)common_name, -1, -1,
                             0);
  X509_set_issuer_name(end->cert, name);
  X509_set_pubkey(end->cert, end->key);
  if (X509_sign(end->cert, end->key, EVP_sha256()) <= 0) die("certificate signing");
}

static void fingerprint(X509 *cert, unsigned char *out) {
  unsigned int length;
  if (!X509_digest(cert, EVP_sha256(), out, &length) || length != 32) die("fingerprint");
}

/* Accepts the peer's (self-signed) certificate when its SHA-256 fingerprint is the expected one,
 * as a WebRTC endpoint does; the chain itself is not trusted. */
static int check_fingerprint(int preverify_ok, X509_STORE_CTX *store) {
  (void)preverify_ok;
  if (X509_STORE_CTX_get_error_depth(store) != 0) return 1;
  SSL *ssl = X509_STORE_CTX_get_ex_data(store, SSL_get_ex_data_X509_STORE_CTX_idx());
  endpoint *end = SSL_CTX_get_app_data(SSL_get_SSL_CTX(ssl));
  unsigned char actual[EVP_MAX_MD_SIZE];
  fingerprint(X509_STORE_CTX_get_current_cert(store), actual);
  if (memcmp(actual, end->expected_peer_fingerprint, 32) != 0) return 0;
  X509_STORE_CTX_set_error(store, X509_V_OK);
  return 1;
}

static SSL_CTX *make_context(const SSL_METHOD *method, endpoint *end, const char *groups) {
  SSL_CTX *ctx = SSL_CTX_new(method);
  if (ctx == NULL) die("SSL_CTX_new");
  SSL_CTX_set_min_proto_version(ctx, DTLS1_2_VERSION);
  SSL_CTX_set_max_proto_version(ctx, DTLS1_2_VERSION);
  if (!SSL_CTX_set_cipher_list(ctx, CIPHERS)) die("cipher list");
  if (groups != NULL && !SSL_CTX_set1_groups_list(ctx, groups)) die("groups list");
  if (SSL_CTX_set_tlsext_use_srtp(ctx, SRTP_PROFILES) != 0) die("use_srtp");
  if (!SSL_CTX_use_certificate(ctx, end->cert) || !SSL_CTX_use_PrivateKey(ctx, end->key)) {
    die("certificate");
  }
  SSL_CTX_set_verify(ctx, SSL_VERIFY_PEER | SSL_VERIFY_FAIL_IF_NO_PEER_CERT, check_fingerprint);
  SSL_CTX_set_options(ctx, SSL_OP_NO_TICKET | SSL_OP_NO_QUERY_MTU);
  SSL_CTX_set_session_cache_mode(ctx, SSL_SESS_CACHE_OFF);
  SSL_CTX_set_app_data(ctx, end);
  return ctx;
}

static SSL *make_ssl(SSL_CTX *ctx, int fd) {
  SSL *ssl = SSL_new(ctx);
  BIO *bio = BIO_new_dgram(fd, BIO_NOCLOSE);
  if (ssl == NULL || bio == NULL) die("SSL_new");
  /* socketpair ends are connected: say so, or the BIO would sendto() an empty address. */
  BIO_ADDR *peer = BIO_ADDR_new();
  if (peer == NULL || !BIO_ADDR_rawmake(peer, AF_UNIX, "", 0, 0) ||
      BIO_ctrl(bio, BIO_CTRL_DGRAM_SET_CONNECTED, 0, peer) <= 0) {
    die("BIO_CTRL_DGRAM_SET_CONNECTED");
  }
  BIO_ADDR_free(peer);
  SSL_set_bio(ssl, bio, bio);
  SSL_set_mtu(ssl, 1200);
  return ssl;
}

/* Steps an unfinished handshake; returns 1 when done, 0 when it waits for the peer. */
static int step(SSL *ssl, int *done) {
  if (*done) return 1;
  int result = SSL_do_handshake(ssl);
  if (result == 1) return *done = 1;
  int error = SSL_get_error(ssl, result);
  if (error != SSL_ERROR_WANT_READ && error != SSL_ERROR_WANT_WRITE) {
    fprintf(stderr, "SSL error %d, errno %d (%s)\n", error, errno, strerror(errno));
    die("handshake failed");
  }
  return 0;
}

/* What one handshake negotiated, checked equal on both ends. */
typedef struct {
  char cipher[64];
  char group[32];
  char profile[64];
  int ems;
  int keys_equal;
} outcome;

static size_t keying_material_length(unsigned long profile_id) {
  switch (profile_id) {
    case SRTP_AEAD_AES_128_GCM: return 2 * (16 + 12);
    case SRTP_AEAD_AES_256_GCM: return 2 * (32 + 12);
    default: return 2 * (16 + 14);
  }
}

static void export_and_compare(SSL *client, SSL *server, outcome *out) {
  SRTP_PROTECTION_PROFILE *c = SSL_get_selected_srtp_profile(client);
  SRTP_PROTECTION_PROFILE *s = SSL_get_selected_srtp_profile(server);
  if (c == NULL || s == NULL || c->id != s->id) die("no common SRTP profile");
  size_t length = keying_material_length(c->id);
  unsigned char client_keys[88], server_keys[88];
  static const char label[] = "EXTRACTOR-dtls_srtp";
  if (!SSL_export_keying_material(client, client_keys, length, label, strlen(label), NULL, 0, 0) ||
      !SSL_export_keying_material(server, server_keys, length, label, strlen(label), NULL, 0, 0)) {
    die("keying material export");
  }
  out->keys_equal = memcmp(client_keys, server_keys, length) == 0;
  snprintf(out->profile, sizeof out->profile, "%s", c->name);
  snprintf(out->cipher, sizeof out->cipher, "%s", SSL_get_cipher_name(client));
  int nid = SSL_get_negotiated_group(client);
  snprintf(out->group, sizeof out->group, "%s", nid > 0 ? OBJ_nid2sn(nid) : "?");
  out->ems = SSL_get_extms_support(client) == 1 && SSL_get_extms_support(server) == 1;
}

/* One full handshake; returns its wall and process CPU time. */
static void handshake(SSL_CTX *client_ctx, SSL_CTX *server_ctx, long long *wall, long long *cpu,
                      outcome *out) {
  int fds[2];
  if (socketpair(AF_UNIX, SOCK_DGRAM, 0, fds) != 0) die("socketpair");
  fcntl(fds[0], F_SETFL, O_NONBLOCK);
  fcntl(fds[1], F_SETFL, O_NONBLOCK);
  long long wall_start = now_ns(CLOCK_MONOTONIC);
  long long cpu_start = now_ns(CLOCK_PROCESS_CPUTIME_ID);
  SSL *client = make_ssl(client_ctx, fds[0]);
  SSL *server = make_ssl(server_ctx, fds[1]);
  SSL_set_connect_state(client);
  SSL_set_accept_state(server);
  int client_done = 0, server_done = 0, steps = 0;
  while (!(step(client, &client_done) & step(server, &server_done))) {
    if (++steps > MAX_STEPS) die("handshake does not progress");
  }
  export_and_compare(client, server, out);
  *cpu = now_ns(CLOCK_PROCESS_CPUTIME_ID) - cpu_start;
  *wall = now_ns(CLOCK_MONOTONIC) - wall_start;
  SSL_free(client);
  SSL_free(server);
  close(fds[0]);
  close(fds[1]);
}

static int compare_ll(const void *a, const void *b) {
  long long x = *(const long long *)a, y = *(const long long *)b;
  return (x > y) - (x < y);
}

static void print_samples(const char *name, long long *samples, int n) {
  printf("%s=", name);
  for (int i = 0; i < n; i++) printf(i == 0 ? "%lld" : ",%lld", samples[i]);
  printf("\n");
  qsort(samples, n, sizeof *samples, compare_ll);
  printf("%s_median_us=%.1f\n", name, samples[n / 2] / 1000.0);
}

int main(int argc, char **argv) {
  int n = 200, warmup = 20;
  const char *groups = NULL;
  for (int i = 1; i + 1 < argc; i += 2) {
    if (strcmp(argv[i], "-n") == 0) n = atoi(argv[i + 1]);
    else if (strcmp(argv[i], "-w") == 0) warmup = atoi(argv[i + 1]);
    else if (strcmp(argv[i], "-g") == 0) groups = argv[i + 1];
    else die("usage: openssl_dtls_handshake [-n handshakes] [-w warmup] [-g groups]");
  }
  if (n < 1 || warmup < 0) die("-n must be at least 1, -w at least 0");
  endpoint client_end, server_end;
  make_identity(&client_end, "client");
  make_identity(&server_end, "server");
  fingerprint(server_end.cert, client_end.expected_peer_fingerprint);
  fingerprint(client_end.cert, server_end.expected_peer_fingerprint);
  SSL_CTX *client_ctx = make_context(DTLS_client_method(), &client_end, groups);
  SSL_CTX *server_ctx = make_context(DTLS_server_method(), &server_end, groups);

  long long *wall = calloc(n, sizeof *wall), *cpu = calloc(n, sizeof *cpu);
  outcome out;
  int all_keys_equal = 1;
  for (int i = 0; i < warmup + n; i++) {
    long long w, c;
    handshake(client_ctx, server_ctx, &w, &c, &out);
    all_keys_equal &= out.keys_equal;
    if (i >= warmup) {
      wall[i - warmup] = w;
      cpu[i - warmup] = c;
    }
  }
  printf("library=%s\n", OpenSSL_version(OPENSSL_VERSION));
  printf("handshakes=%d\nwarmup=%d\n", n, warmup);
  printf("cipher=%s\ngroup=%s\nsrtp_profile=%s\n", out.cipher, out.group, out.profile);
  printf("ems=%d\nkeys_equal=%d\n", out.ems, all_keys_equal);
  print_samples("wall_ns", wall, n);
  print_samples("cpu_ns", cpu, n);
  SSL_CTX_free(client_ctx);
  SSL_CTX_free(server_ctx);
  free(wall);
  free(cpu);
  return all_keys_equal && out.ems ? 0 : 2;
}
