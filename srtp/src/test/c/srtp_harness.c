/*
 * ortc4j test harness around libsrtp 2: protects or unprotects packets given as hex lines.
 *
 * Protocol (stdin -> stdout, one line each):
 *   SESSION <profile id> <protect|unprotect> <rtp|rtcp> <hex master key || master salt>
 *       starts a new libsrtp session (any SSRC) and answers "READY";
 *   <hex packet>
 *       answers "OK <hex result>" or "ERR <srtp_err_status_t value>".
 *
 * Build: gcc -O2 -o srtp_harness srtp_harness.c $(pkg-config --cflags --libs libsrtp2)
 */
#include <srtp2/srtp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_PACKET 8192

static srtp_t session;
static int protecting;
static int rtcp;

static int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

static int parse_hex(const char *text, uint8_t *out, int capacity) {
  int n = 0;
  while (text[0] && text[0] != '\n' && text[0] != '\r' && text[0] != ' ') {
    int high = hex_value(text[0]);
    int low = hex_value(text[1]);
    if (high < 0 || low < 0 || n >= capacity) return -1;
    out[n++] = (uint8_t)(high << 4 | low);
    text += 2;
  }
  return n;
}

static void print_result(const uint8_t *data, int len) {
  fputs("OK ", stdout);
  for (int i = 0; i < len; i++) printf("%02x", data[i]);
  fputc('\n', stdout);
}

static int start_session(const char *line) {
  int profile;
  char mode[16], kind[16], hex[256];
  static uint8_t key[128];
  if (sscanf(line, "SESSION %d %15s %15s %255s", &profile, mode, kind, hex) != 4) return -1;
  if (parse_hex(hex, key, sizeof key) < 0) return -1;
  if (session) {
    srtp_dealloc(session);
    session = NULL;
  }
  protecting = strcmp(mode, "protect") == 0;
  rtcp = strcmp(kind, "rtcp") == 0;

  srtp_policy_t policy;
  memset(&policy, 0, sizeof policy);
  if (srtp_crypto_policy_set_from_profile_for_rtp(&policy.rtp, (srtp_profile_t)profile) ||
      srtp_crypto_policy_set_from_profile_for_rtcp(&policy.rtcp, (srtp_profile_t)profile)) {
    return -1;
  }
  policy.ssrc.type = protecting ? ssrc_any_outbound : ssrc_any_inbound;
  policy.key = key;
  policy.window_size = 1024;
  return srtp_create(&session, &policy) == srtp_err_status_ok ? 0 : -1;
}

static void transform(const char *line) {
  static uint32_t aligned[(MAX_PACKET + SRTP_MAX_TRAILER_LEN) / 4 + 1];
  uint8_t *buf = (uint8_t *)aligned;
  int len = parse_hex(line, buf, MAX_PACKET);
  if (len < 0 || !session) {
    puts("ERR bad-input");
    return;
  }
  srtp_err_status_t status;
  if (protecting) {
    status = rtcp ? srtp_protect_rtcp(session, buf, &len) : srtp_protect(session, buf, &len);
  } else {
    status = rtcp ? srtp_unprotect_rtcp(session, buf, &len) : srtp_unprotect(session, buf, &len);
  }
  if (status == srtp_err_status_ok) {
    print_result(buf, len);
  } else {
    printf("ERR %d\n", (int)status);
  }
}

int main(void) {
  static char line[2 * MAX_PACKET + 512];
  if (srtp_init() != srtp_err_status_ok) {
    fputs("srtp_init failed\n", stderr);
    return 1;
  }
  while (fgets(line, sizeof line, stdin)) {
    if (strncmp(line, "SESSION ", 8) == 0) {
      puts(start_session(line) == 0 ? "READY" : "ERR session");
    } else if (line[0] != '\n') {
      transform(line);
    }
  }
  if (session) srtp_dealloc(session);
  srtp_shutdown();
  return 0;
}
