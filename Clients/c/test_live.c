/*
 * test_live.c - the C client against a live thidua server.
 *
 * Starts $THIDUA_SERVER_BIN (default ../../.build/debug/thidua-server) as
 *   thidua-server --host 127.0.0.1 --port 0 --data-dir <tmpdir>
 * learns the port from its single stdout line "listening on HOST:PORT", runs the checks, then
 * sends SIGTERM and expects exit status 0.
 */
#define _POSIX_C_SOURCE 200809L
#define _XOPEN_SOURCE 700

#include <errno.h>
#include <ftw.h>
#include <poll.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <fcntl.h>
#include <time.h>
#include <unistd.h>

#include "thidua.h"
#include "thidua/host/v1/echo.pb-c.h"
#include "thidua/host/v1/health.pb-c.h"
#include "thidua/host/v1/reflection.pb-c.h"
#include "test_util.h"

static volatile pid_t server_pid = -1;
static char tmpdir[256];
static char host[128];
static uint16_t port;

static void watchdog(int sig)
{
    (void)sig;
    static const char msg[] = "test_live: watchdog expired, killing the server\n";
    if (server_pid > 0) kill(server_pid, SIGKILL);
    if (write(2, msg, sizeof msg - 1) < 0) {
    }
    _exit(3);
}

static int rm_entry(const char *path, const struct stat *sb, int flag, struct FTW *ftw)
{
    (void)sb;
    (void)flag;
    (void)ftw;
    return remove(path);
}

static void show_server_log(void)
{
    char path[512];
    snprintf(path, sizeof path, "%s/server.log", tmpdir);
    FILE *f = fopen(path, "r");
    if (!f) return;
    fprintf(stderr, "---- server stderr (last 4 KiB) ----\n");
    fseek(f, 0, SEEK_END);
    long size = ftell(f);
    fseek(f, size > 4096 ? size - 4096 : 0, SEEK_SET);
    char buf[4097];
    size_t n = fread(buf, 1, 4096, f);
    buf[n] = '\0';
    fputs(buf, stderr);
    fprintf(stderr, "\n---- end ----\n");
    fclose(f);
}

/* Starts the server, reads its "listening on HOST:PORT" line. Returns 0 or -1. */
static int start_server(const char *bin, pid_t *drainer)
{
    int out[2];
    if (pipe(out) != 0) return -1;
    char log[512];
    snprintf(log, sizeof log, "%s/server.log", tmpdir);
    fflush(NULL);
    pid_t pid = fork();
    if (pid < 0) return -1;
    if (pid == 0) {
        int lf = open(log, O_WRONLY | O_CREAT | O_TRUNC, 0644);
        if (lf >= 0) dup2(lf, 2);
        dup2(out[1], 1);
        close(out[0]);
        close(out[1]);
        execl(bin, bin, "--host", "127.0.0.1", "--port", "0", "--data-dir", tmpdir, (char *)NULL);
        fprintf(stderr, "exec %s: %s\n", bin, strerror(errno));
        _exit(127);
    }
    server_pid = pid;
    close(out[1]);

    /* One line, read byte by byte so nothing after it is consumed; bounded by a timeout. */
    char line[512];
    size_t n = 0;
    int64_t give_up = 60000; /* ms */
    while (n + 1 < sizeof line) {
        struct pollfd pfd = {.fd = out[0], .events = POLLIN};
        int pr = poll(&pfd, 1, (int)give_up);
        if (pr < 0 && errno == EINTR) continue;
        if (pr <= 0) {
            fprintf(stderr, "no line from the server within 60 s\n");
            close(out[0]);
            return -1;
        }
        char c;
        ssize_t k = read(out[0], &c, 1);
        if (k <= 0) {
            fprintf(stderr, "the server closed its stdout before the listening line\n");
            close(out[0]);
            return -1;
        }
        if (c == '\n') break;
        line[n++] = c;
    }
    line[n] = '\0';
    if (n && line[n - 1] == '\r') line[--n] = '\0';

    /* Keep stdout drained so the server never blocks on it. */
    pid_t d = fork();
    if (d == 0) {
        char buf[1024];
        ssize_t k;
        while ((k = read(out[0], buf, sizeof buf)) > 0 || (k < 0 && errno == EINTR)) {
        }
        _exit(0);
    }
    *drainer = d;
    close(out[0]);

    const char *prefix = "listening on ";
    if (strncmp(line, prefix, strlen(prefix)) != 0) {
        fprintf(stderr, "unexpected first line: \"%s\"\n", line);
        return -1;
    }
    const char *hp = line + strlen(prefix);
    const char *colon = strrchr(hp, ':');
    if (!colon) return -1;
    size_t hl = (size_t)(colon - hp);
    if (hl && hp[0] == '[' && hp[hl - 1] == ']') { /* [IPv6]:port */
        hp++;
        hl -= 2;
    }
    if (hl == 0 || hl >= sizeof host) return -1;
    memcpy(host, hp, hl);
    host[hl] = '\0';
    char *end;
    unsigned long p = strtoul(colon + 1, &end, 10);
    if (*end || p == 0 || p > 65535) return -1;
    port = (uint16_t)p;
    printf("server %s listening on %s:%u\n", bin, host, (unsigned)port);
    return 0;
}

/* ------------------------------------------------------------------------------------------ */

static size_t pack_echo(uint8_t **out, const void *payload, size_t n, uint32_t delay_ms)
{
    Thidua__Host__V1__EchoRequest r = THIDUA__HOST__V1__ECHO_REQUEST__INIT;
    r.payload.data = (uint8_t *)payload;
    r.payload.len = n;
    r.delay_ms = delay_ms;
    size_t len = thidua__host__v1__echo_request__get_packed_size(&r);
    *out = malloc(len ? len : 1);
    if (!*out) abort();
    thidua__host__v1__echo_request__pack(&r, *out);
    return len;
}

static size_t pack_stream(uint8_t **out, const char *payload, uint32_t count, uint32_t interval)
{
    Thidua__Host__V1__EchoStreamRequest r = THIDUA__HOST__V1__ECHO_STREAM_REQUEST__INIT;
    r.payload.data = (uint8_t *)payload;
    r.payload.len = strlen(payload);
    r.count = count;
    r.interval_ms = interval;
    size_t len = thidua__host__v1__echo_stream_request__get_packed_size(&r);
    *out = malloc(len ? len : 1);
    if (!*out) abort();
    thidua__host__v1__echo_stream_request__pack(&r, *out);
    return len;
}

/* 1 when msg is an EchoReply carrying exactly (p, n). */
static int echo_reply_is(const uint8_t *msg, size_t len, const void *p, size_t n)
{
    Thidua__Host__V1__EchoReply *r = thidua__host__v1__echo_reply__unpack(NULL, len, msg);
    int ok = r && r->payload.len == n && (n == 0 || memcmp(r->payload.data, p, n) == 0);
    if (r) thidua__host__v1__echo_reply__free_unpacked(r, NULL);
    return ok;
}

static void test_handshake_and_unary(thidua_conn *c)
{
    const Thidua__Wire__V1__ServerHello *h = thidua_server_hello(c);
    CHECK(h && h->protocol_version == 1, "ServerHello.protocol_version = 1");
    CHECK(h && h->server_version && *h->server_version, "ServerHello.server_version set");
    CHECK(h && h->limits && h->limits->max_frame_bytes > 0, "ServerHello.limits set");
    CHECK(thidua_has_service(c, "thidua.host.v1.Health") &&
              thidua_has_service(c, "thidua.host.v1.Echo") &&
              thidua_has_service(c, "thidua.host.v1.Reflection"),
          "ServerHello lists Health, Echo, Reflection");

    /* Health/Check for the whole server: SERVING. */
    Thidua__Host__V1__HealthCheckRequest hr = THIDUA__HOST__V1__HEALTH_CHECK_REQUEST__INIT;
    uint8_t hbuf[64];
    size_t hn = thidua__host__v1__health_check_request__pack(&hr, hbuf);
    uint8_t *resp = NULL;
    size_t rl = 0;
    thidua_status st = THIDUA_STATUS_INIT;
    thidua_result r = thidua_call_unary(c, "thidua.host.v1.Health/Check", hbuf, hn, 5000, &resp,
                                        &rl, &st);
    CHECK(r == THIDUA_OK && st.code == 0 && resp, "Health/Check: %s %s %s",
          thidua_result_name(r), st.name ? st.name : "", st.message ? st.message : "");
    Thidua__Host__V1__HealthCheckResponse *hc =
        resp ? thidua__host__v1__health_check_response__unpack(NULL, rl, resp) : NULL;
    CHECK(hc && hc->status == THIDUA__HOST__V1__HEALTH_CHECK_RESPONSE__SERVING_STATUS__SERVING,
          "Health/Check is SERVING");
    if (hc) thidua__host__v1__health_check_response__free_unpacked(hc, NULL);
    free(resp);
    thidua_status_clear(&st);

    /* An unknown service: NOT_FOUND (§10). */
    hr.service = (char *)"thidua.nope.v1.Nope";
    hn = thidua__host__v1__health_check_request__pack(&hr, hbuf);
    r = thidua_call_unary(c, "thidua.host.v1.Health/Check", hbuf, hn, 5000, &resp, &rl, &st);
    CHECK(r == THIDUA_OK && st.code == THIDUA_CODE_NOT_FOUND && !resp,
          "Health/Check of an unknown service: %s", st.name ? st.name : "");
    thidua_status_clear(&st);

    /* Echo/Unary round trips: binary, empty, and larger than one read. */
    static const uint8_t bin[] = {0, 1, 2, 0xff, 0xfe, 0x80, 0, 'x'};
    size_t sizes[] = {sizeof bin, 0, 300000};
    for (size_t i = 0; i < 3; i++) {
        uint8_t *payload = malloc(sizes[i] + 1);
        if (!payload) abort();
        for (size_t k = 0; k < sizes[i]; k++) payload[k] = i == 0 ? bin[k] : (uint8_t)(k * 7);
        uint8_t *req;
        size_t qn = pack_echo(&req, payload, sizes[i], 0);
        r = thidua_call_unary(c, "thidua.host.v1.Echo/Unary", req, qn, 10000, &resp, &rl, &st);
        CHECK(r == THIDUA_OK && st.code == 0 && resp && echo_reply_is(resp, rl, payload, sizes[i]),
              "Echo/Unary round trip of %zu bytes: %s %s", sizes[i], thidua_result_name(r),
              st.name ? st.name : "");
        free(resp);
        free(req);
        free(payload);
        thidua_status_clear(&st);
    }

    /* Reflection/ListServices: Echo/Stream is server-streaming. */
    r = thidua_call_unary(c, "thidua.host.v1.Reflection/ListServices", NULL, 0, 5000, &resp, &rl,
                          &st);
    CHECK(r == THIDUA_OK && st.code == 0, "ListServices: %s", st.name ? st.name : "");
    Thidua__Host__V1__ListServicesResponse *ls =
        resp ? thidua__host__v1__list_services_response__unpack(NULL, rl, resp) : NULL;
    int found = 0;
    for (size_t i = 0; ls && i < ls->n_services; i++)
        for (size_t k = 0; k < ls->services[i]->n_methods; k++) {
            const Thidua__Host__V1__MethodDescription *m = ls->services[i]->methods[k];
            if (strcmp(m->path, "thidua.host.v1.Echo/Stream") == 0 && m->server_streaming)
                found |= 1;
            if (strcmp(m->path, "thidua.host.v1.Echo/Unary") == 0 && !m->server_streaming)
                found |= 2;
        }
    CHECK(found == 3, "ListServices describes Echo/Stream (stream) and Echo/Unary (unary)");
    if (ls) thidua__host__v1__list_services_response__free_unpacked(ls, NULL);
    free(resp);
    thidua_status_clear(&st);
}

static int count_cb(void *user, const uint8_t *msg, size_t len)
{
    int *n = user;
    if (echo_reply_is(msg, len, "tick", 4)) (*n)++;
    else *n = -1000;
    return 0;
}

static void test_streams(thidua_conn *c)
{
    uint8_t *req;
    size_t qn = pack_stream(&req, "tick", 3, 0);

    /* Pull style: 3 messages then OK. */
    thidua_stream *s = NULL;
    thidua_result r = thidua_stream_begin(c, "thidua.host.v1.Echo/Stream", req, qn, 10000, &s);
    CHECK(r == THIDUA_OK && s, "Echo/Stream begins");
    if (s) {
        int msgs = 0, k;
        thidua_status st = THIDUA_STATUS_INIT;
        uint8_t *m;
        size_t ml;
        while ((k = thidua_stream_next(s, &m, &ml, &st)) == 1) {
            if (echo_reply_is(m, ml, "tick", 4)) msgs++;
            free(m);
        }
        CHECK(k == 0 && msgs == 3 && st.code == 0 && !st.local,
              "Echo/Stream count 3: %d messages then %s", msgs, st.name ? st.name : "");
        thidua_status_clear(&st);
        thidua_stream_free(s);
    }

    /* Push style. */
    int n = 0;
    thidua_status st = THIDUA_STATUS_INIT;
    r = thidua_call_stream(c, "thidua.host.v1.Echo/Stream", req, qn, 10000, count_cb, &n, &st);
    CHECK(r == THIDUA_OK && n == 3 && st.code == 0, "thidua_call_stream: %d messages, %s", n,
          st.name ? st.name : "");
    thidua_status_clear(&st);
    free(req);

    /* Interleaving: a unary call completes while a slow stream is in flight; the stream's
     * frames that arrive meanwhile are kept for it. */
    qn = pack_stream(&req, "tick", 3, 150);
    s = NULL;
    r = thidua_stream_begin(c, "thidua.host.v1.Echo/Stream", req, qn, 10000, &s);
    free(req);
    CHECK(r == THIDUA_OK && s, "slow stream begins");
    uint8_t *ureq, *resp = NULL;
    size_t un = pack_echo(&ureq, "mid", 3, 200), rl = 0;
    r = thidua_call_unary(c, "thidua.host.v1.Echo/Unary", ureq, un, 5000, &resp, &rl, &st);
    CHECK(r == THIDUA_OK && st.code == 0 && echo_reply_is(resp, rl, "mid", 3),
          "unary call during a stream: %s", st.name ? st.name : "");
    CHECK(st.call_id > thidua_stream_call_id(s), "call ids increase");
    free(resp);
    free(ureq);
    thidua_status_clear(&st);
    uint64_t rtt = 0;
    CHECK(thidua_ping(c, 5000, &rtt) == THIDUA_OK, "ping during a stream");
    if (s) {
        int msgs = 0, k;
        uint8_t *m;
        size_t ml;
        while ((k = thidua_stream_next(s, &m, &ml, &st)) == 1) {
            msgs += echo_reply_is(m, ml, "tick", 4);
            free(m);
        }
        CHECK(k == 0 && msgs == 3 && st.code == 0, "slow stream: %d messages then %s", msgs,
              st.name ? st.name : "");
        thidua_status_clear(&st);
        thidua_stream_free(s);
    }

    /* Cancel: a long stream, cancelled after its first message, ends CANCELLED. */
    qn = pack_stream(&req, "tick", 1000, 20);
    s = NULL;
    r = thidua_stream_begin(c, "thidua.host.v1.Echo/Stream", req, qn, 0, &s);
    free(req);
    CHECK(r == THIDUA_OK && s, "long stream begins");
    if (s) {
        uint8_t *m;
        size_t ml;
        int k = thidua_stream_next(s, &m, &ml, &st);
        CHECK(k == 1, "long stream: first message");
        if (k == 1) free(m);
        CHECK(thidua_stream_cancel(s) == THIDUA_OK, "cancel sent");
        int more = 0;
        while ((k = thidua_stream_next(s, &m, &ml, &st)) == 1) {
            more++;
            free(m);
        }
        CHECK(k == 0 && st.code == THIDUA_CODE_CANCELLED && !st.local && more < 999,
              "cancelled stream ends CANCELLED (%d more messages): %s", more,
              st.name ? st.name : "");
        thidua_status_clear(&st);
        thidua_stream_free(s);
    }

    /* Freeing a stream early cancels it; the connection stays usable. */
    qn = pack_stream(&req, "tick", 1000, 20);
    s = NULL;
    r = thidua_stream_begin(c, "thidua.host.v1.Echo/Stream", req, qn, 0, &s);
    free(req);
    thidua_stream_free(s);
    CHECK(r == THIDUA_OK && thidua_ping(c, 5000, NULL) == THIDUA_OK,
          "connection usable after freeing a running stream");
}

static void test_refusals(thidua_conn *c)
{
    thidua_status st = THIDUA_STATUS_INIT;
    uint8_t *resp = NULL;
    size_t rl = 0;

    /* Unknown method. */
    thidua_result r = thidua_call_unary(c, "thidua.host.v1.Nope/Nothing", NULL, 0, 5000, &resp,
                                        &rl, &st);
    CHECK(r == THIDUA_OK && st.code == THIDUA_CODE_UNIMPLEMENTED &&
              strcmp(st.name, "UNIMPLEMENTED") == 0 &&
              strcmp(thidua_status_rule(&st), "call.method_known") == 0 && !resp,
          "unknown method: %s rule %s", st.name ? st.name : "", thidua_status_rule(&st));
    CHECK(st.message && *st.message, "unknown method: a message");
    thidua_status_clear(&st);

    /* Undecodable payload: a truncated varint. */
    static const uint8_t junk[] = {0xff, 0xff, 0xff};
    r = thidua_call_unary(c, "thidua.host.v1.Echo/Unary", junk, sizeof junk, 5000, &resp, &rl,
                          &st);
    CHECK(r == THIDUA_OK && st.code == THIDUA_CODE_INVALID_ARGUMENT && !resp,
          "undecodable payload: %s", st.name ? st.name : "");
    CHECK(st.n_details >= 1 && strcmp(st.details[0].field, "payload") == 0 &&
              strcmp(st.details[0].rule, "payload.decode") == 0,
          "undecodable payload: field payload, rule payload.decode (got %s / %s)",
          st.n_details ? st.details[0].field : "-", thidua_status_rule(&st));
    thidua_status_clear(&st);

    /* The server's deadline: delay 3000 ms, timeout 200 ms. */
    uint8_t *req;
    size_t qn = pack_echo(&req, "slow", 4, 3000);
    r = thidua_call_unary(c, "thidua.host.v1.Echo/Unary", req, qn, 200, &resp, &rl, &st);
    CHECK(r == THIDUA_OK && st.code == THIDUA_CODE_DEADLINE_EXCEEDED && !st.local,
          "server deadline: %s %s", thidua_result_name(r), st.name ? st.name : "");
    thidua_status_clear(&st);
    free(req);

    /* A request above max_frame_bytes is refused locally; the connection stays usable. */
    const Thidua__Wire__V1__ServerHello *h = thidua_server_hello(c);
    size_t big = (h && h->limits ? h->limits->max_frame_bytes : THIDUA_DEFAULT_MAX_FRAME_BYTES) + 1;
    uint8_t *huge = calloc(1, big);
    if (!huge) abort();
    r = thidua_call_unary(c, "thidua.host.v1.Echo/Unary", huge, big, 5000, &resp, &rl, &st);
    CHECK(r == THIDUA_E_LIMIT && st.local && st.code == THIDUA_CODE_RESOURCE_EXHAUSTED &&
              strcmp(thidua_status_rule(&st), "frame.max_bytes") == 0,
          "oversized request refused locally: %s", thidua_result_name(r));
    free(huge);
    thidua_status_clear(&st);
    CHECK(thidua_ping(c, 5000, NULL) == THIDUA_OK, "connection usable after a local refusal");

    /* An unsupported protocol version: GoAway FAILED_PRECONDITION handshake.protocol_version. */
    thidua_connect_options o = {0};
    o.client_name = "thidua-c-test/version";
    o.protocol_version = 2;
    thidua_conn *c2 = NULL;
    thidua_error err;
    r = thidua_connect_ex(host, port, &o, &c2, &err);
    CHECK(r == THIDUA_E_GOAWAY && !c2 && err.code == THIDUA_CODE_FAILED_PRECONDITION &&
              strcmp(err.name, "FAILED_PRECONDITION") == 0 &&
              strcmp(err.rule, "handshake.protocol_version") == 0 && err.message[0],
          "protocol version 2 refused: %s %s rule %s: %s", thidua_result_name(r), err.name,
          err.rule, err.message);
    thidua_close(c2);
}

/* Refusals in the language the hello asks for (PROTOCOL.md §2.1): English by default. */
static void test_languages(thidua_conn *english)
{
    const Thidua__Wire__V1__ServerHello *h = thidua_server_hello(english);
    CHECK(h && strcmp(h->language, "en") == 0, "a hello without a language gets English");

    thidua_connect_options o = {0};
    o.client_name = "thidua-c-test/vi";
    o.accept_language = "vi-VN, en;q=0.5";
    thidua_conn *c = NULL;
    thidua_error err;
    thidua_result r = thidua_connect_ex(host, port, &o, &c, &err);
    CHECK(r == THIDUA_OK, "connect asking for Vietnamese: %s %s", thidua_result_name(r), err.message);
    if (r != THIDUA_OK) return;
    h = thidua_server_hello(c);
    CHECK(h && strcmp(h->language, "vi") == 0, "the server chose Vietnamese: %s", h ? h->language : "-");

    thidua_status st = THIDUA_STATUS_INIT;
    uint8_t *resp = NULL;
    size_t rl = 0;
    r = thidua_call_unary(c, "thidua.host.v1.Nope/Nothing", NULL, 0, 5000, &resp, &rl, &st);
    const char *expected = "Máy chủ không cung cấp phương thức thidua.host.v1.Nope/Nothing";
    CHECK(r == THIDUA_OK && st.code == THIDUA_CODE_UNIMPLEMENTED && st.message &&
              strcmp(st.message, expected) == 0,
          "unknown method in Vietnamese: %s", st.message ? st.message : "");
    CHECK(st.n_details == 1 && strcmp(st.details[0].rule, "call.method_known") == 0 &&
              strcmp(st.details[0].description, expected) == 0,
          "the detail keeps its rule and reads in Vietnamese: %s",
          st.n_details ? st.details[0].description : "-");
    thidua_status_clear(&st);
    thidua_close(c);
}

/* SIGTERM with a stream in flight: the stream completes, GoAway OK, the server exits 0. */
static void test_shutdown(thidua_conn *c, pid_t drainer)
{
    uint8_t *req;
    size_t qn = pack_stream(&req, "tick", 4, 200);
    thidua_stream *s = NULL;
    thidua_result r = thidua_stream_begin(c, "thidua.host.v1.Echo/Stream", req, qn, 20000, &s);
    free(req);
    CHECK(r == THIDUA_OK && s, "stream before shutdown begins");
    int msgs = 0, k = -1;
    thidua_status st = THIDUA_STATUS_INIT;
    if (s) {
        uint8_t *m;
        size_t ml;
        k = thidua_stream_next(s, &m, &ml, &st); /* the server has the call now */
        if (k == 1) {
            msgs++;
            free(m);
        }
        CHECK(kill(server_pid, SIGTERM) == 0, "SIGTERM sent");
        while ((k = thidua_stream_next(s, &m, &ml, &st)) == 1) {
            msgs += echo_reply_is(m, ml, "tick", 4);
            free(m);
        }
        CHECK(k == 0 && msgs == 4 && st.code == 0 && !st.local,
              "stream in flight at shutdown completes: %d messages then %s (%s)", msgs,
              st.name ? st.name : "", st.message ? st.message : "");
        uint64_t sid = thidua_stream_call_id(s);
        thidua_status_clear(&st);
        thidua_stream_free(s);
        /* The GoAway may trail the status; wait for it with a ping (answered or not). */
        thidua_ping(c, 2000, NULL);
        uint64_t last = 0;
        thidua_error g;
        CHECK(thidua_goaway(c, &last, &g) == 1 && g.code == 0 && last >= sid,
              "GoAway OK with last_call_id %llu >= %llu", (unsigned long long)last,
              (unsigned long long)sid);
        r = thidua_call_unary(c, "thidua.host.v1.Health/Check", NULL, 0, 1000, NULL, NULL, &st);
        CHECK(r == THIDUA_E_CLOSED && st.code == THIDUA_CODE_UNAVAILABLE && st.local,
              "no new call after GoAway: %s", thidua_result_name(r));
        thidua_status_clear(&st);
    }
    int ws;
    pid_t w;
    while ((w = waitpid(server_pid, &ws, 0)) < 0 && errno == EINTR) {
    }
    CHECK(w == server_pid && WIFEXITED(ws) && WEXITSTATUS(ws) == 0,
          "the server exits 0 after SIGTERM (status 0x%x)", w == server_pid ? ws : -1);
    server_pid = -1;
    if (drainer > 0) waitpid(drainer, NULL, 0);
}

int main(void)
{
    signal(SIGPIPE, SIG_IGN);
    signal(SIGALRM, watchdog);
    alarm(300);
    const char *bin = getenv("THIDUA_SERVER_BIN");
    if (!bin || !*bin) bin = "../../.build/debug/thidua-server";
    /* Another engineer may be rebuilding the server: wait for the binary to come back. */
    for (int waited = 0; access(bin, X_OK) != 0; waited++) {
        if (waited == 0) fprintf(stderr, "waiting for %s to exist...\n", bin);
        if (waited >= 180) {
            fprintf(stderr, "no server binary at %s\n", bin);
            printf("0 passed, 1 failed\n");
            return 1;
        }
        sleep(1);
    }
    snprintf(tmpdir, sizeof tmpdir, "%s/thidua-c-live.XXXXXX",
             getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp");
    if (!mkdtemp(tmpdir)) {
        perror("mkdtemp");
        printf("0 passed, 1 failed\n");
        return 1;
    }
    pid_t drainer = -1;
    int started = start_server(bin, &drainer) == 0;
    CHECK(started, "the server starts and prints its listening line");
    if (started) {
        thidua_conn *c = NULL;
        thidua_error err;
        thidua_result r = thidua_connect(host, port, "thidua-c-test/1", "", &c, &err);
        CHECK(r == THIDUA_OK && c, "handshake: %s %s %s", thidua_result_name(r), err.name,
              err.message);
        if (c) {
            uint64_t rtt = 0;
            CHECK(thidua_ping(c, 5000, &rtt) == THIDUA_OK, "ping");
            test_handshake_and_unary(c);
            test_streams(c);
            test_refusals(c);
            test_languages(c);
            test_shutdown(c, drainer);
            drainer = -1;
            thidua_close(c);
        }
    }
    if (server_pid > 0) {
        kill(server_pid, SIGKILL);
        waitpid(server_pid, NULL, 0);
        server_pid = -1;
    }
    if (drainer > 0) waitpid(drainer, NULL, 0);
    if (tests_failed) show_server_log();
    nftw(tmpdir, rm_entry, 16, FTW_DEPTH | FTW_PHYS);
    alarm(0);
    return tests_summary();
}
