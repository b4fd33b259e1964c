/*
 * thidua.c - C client of the thidua wire protocol, version 1. See thidua.h and docs/PROTOCOL.md.
 */
#define _POSIX_C_SOURCE 200809L

#include "thidua.h"

#include <errno.h>
#include <fcntl.h>
#include <netdb.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/types.h>
#include <time.h>
#include <unistd.h>

#ifdef MSG_NOSIGNAL
#define SEND_FLAGS MSG_NOSIGNAL
#else
#define SEND_FLAGS 0
#endif

#define DEFAULT_CONNECT_TIMEOUT_MS 10000u
#define DEFAULT_HANDSHAKE_TIMEOUT_MS 10000u
#define DEFAULT_PING_TIMEOUT_MS 10000u
#define MAX_PENDING_PONGS 1024u

typedef Thidua__Wire__V1__Frame Frame;

/* ------------------------------------------------------------------------------------------ */
/* Names and small helpers                                                                     */

static const char *const status_names[] = {
    "OK", "CANCELLED", "UNKNOWN", "INVALID_ARGUMENT", "DEADLINE_EXCEEDED", "NOT_FOUND",
    "ALREADY_EXISTS", "PERMISSION_DENIED", "RESOURCE_EXHAUSTED", "FAILED_PRECONDITION", "ABORTED",
    "OUT_OF_RANGE", "UNIMPLEMENTED", "INTERNAL", "UNAVAILABLE", "DATA_LOSS", "UNAUTHENTICATED"};

static int known_code(int code) { return code >= 0 && code <= 16 ? code : THIDUA_CODE_UNKNOWN; }

const char *thidua_status_name(int code) { return status_names[known_code(code)]; }

const char *thidua_result_name(thidua_result r)
{
    switch (r) {
    case THIDUA_OK: return "THIDUA_OK";
    case THIDUA_E_INVALID: return "THIDUA_E_INVALID";
    case THIDUA_E_NOMEM: return "THIDUA_E_NOMEM";
    case THIDUA_E_RESOLVE: return "THIDUA_E_RESOLVE";
    case THIDUA_E_CONNECT: return "THIDUA_E_CONNECT";
    case THIDUA_E_IO: return "THIDUA_E_IO";
    case THIDUA_E_TIMEOUT: return "THIDUA_E_TIMEOUT";
    case THIDUA_E_PROTOCOL: return "THIDUA_E_PROTOCOL";
    case THIDUA_E_GOAWAY: return "THIDUA_E_GOAWAY";
    case THIDUA_E_CLOSED: return "THIDUA_E_CLOSED";
    case THIDUA_E_LIMIT: return "THIDUA_E_LIMIT";
    case THIDUA_E_NEED_MORE: return "THIDUA_E_NEED_MORE";
    }
    return "THIDUA_E_?";
}

static void copy_str(char *dst, size_t cap, const char *src)
{
    size_t n = src ? strlen(src) : 0;
    if (n >= cap) n = cap - 1;
    if (n) memcpy(dst, src, n);
    dst[n] = '\0';
}

/* Fills *e (when not NULL). code -1 = no status code applies. */
static thidua_result set_error(thidua_error *e, thidua_result kind, int code, const char *rule,
                               const char *field, const char *fmt, ...)
{
    if (!e) return kind;
    memset(e, 0, sizeof *e);
    e->kind = kind;
    e->code = code;
    if (code >= 0) copy_str(e->name, sizeof e->name, thidua_status_name(code));
    copy_str(e->rule, sizeof e->rule, rule);
    copy_str(e->field, sizeof e->field, field);
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(e->message, sizeof e->message, fmt, ap);
    va_end(ap);
    return kind;
}

static char *dup_str(const char *s)
{
    if (!s) s = "";
    size_t n = strlen(s) + 1;
    char *d = malloc(n);
    if (d) memcpy(d, s, n);
    return d;
}

static uint8_t *dup_bytes(const uint8_t *p, size_t n)
{
    uint8_t *d = malloc(n ? n : 1);
    if (d && n) memcpy(d, p, n);
    return d;
}

static int64_t now_us(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (int64_t)ts.tv_sec * 1000000 + ts.tv_nsec / 1000;
}

/* Milliseconds left until deadline (deadline < 0: none -> -1 for poll). */
static int ms_left(int64_t deadline)
{
    if (deadline < 0) return -1;
    int64_t left = deadline - now_us();
    if (left <= 0) return 0;
    int64_t ms = (left + 999) / 1000;
    return ms > 1000000000 ? 1000000000 : (int)ms;
}

static int64_t deadline_after_ms(uint64_t ms) { return now_us() + (int64_t)ms * 1000; }

/* ------------------------------------------------------------------------------------------ */
/* Statuses                                                                                    */

void thidua_status_clear(thidua_status *st)
{
    if (!st) return;
    for (size_t i = 0; i < st->n_details; i++) {
        free(st->details[i].field);
        free(st->details[i].rule);
        free(st->details[i].description);
    }
    free(st->details);
    free(st->message);
    memset(st, 0, sizeof *st);
}

const char *thidua_status_rule(const thidua_status *st)
{
    if (!st || st->n_details == 0 || !st->details[0].rule) return "";
    return st->details[0].rule;
}

/* Builds a status the client made up. On no memory, message may stay NULL and details be
 * missing; thidua_status_clear() handles that. */
static void status_local(thidua_status *st, uint64_t call_id, int code, const char *rule,
                         const char *field, const char *message)
{
    memset(st, 0, sizeof *st);
    st->call_id = call_id;
    st->code = st->wire_code = code;
    st->name = thidua_status_name(code);
    st->message = dup_str(message);
    st->local = 1;
    if (rule && *rule) {
        st->details = calloc(1, sizeof *st->details);
        if (st->details) {
            st->n_details = 1;
            st->details[0].field = dup_str(field);
            st->details[0].rule = dup_str(rule);
            st->details[0].description = dup_str(message);
        }
    }
}

static void status_from_error(thidua_status *st, uint64_t call_id, const thidua_error *e)
{
    int code = e->code >= 0 ? e->code : THIDUA_CODE_UNAVAILABLE;
    status_local(st, call_id, code, e->rule, e->field, e->message);
}

static int status_from_wire(thidua_status *st, const Thidua__Wire__V1__CallStatus *cs)
{
    memset(st, 0, sizeof *st);
    st->call_id = cs->call_id;
    st->wire_code = (int)cs->code;
    st->code = known_code((int)cs->code);
    st->name = thidua_status_name(st->code);
    st->message = dup_str(cs->message);
    if (!st->message) return -1;
    if (cs->n_details) {
        st->details = calloc(cs->n_details, sizeof *st->details);
        if (!st->details) return -1;
        st->n_details = cs->n_details;
        for (size_t i = 0; i < cs->n_details; i++) {
            const Thidua__Wire__V1__ErrorDetail *d = cs->details[i];
            st->details[i].field = dup_str(d ? d->field : "");
            st->details[i].rule = dup_str(d ? d->rule : "");
            st->details[i].description = dup_str(d ? d->description : "");
            if (!st->details[i].field || !st->details[i].rule || !st->details[i].description)
                return -1;
        }
    }
    return 0;
}

/* ------------------------------------------------------------------------------------------ */
/* Low-level framing                                                                           */

thidua_result thidua_frame_check_length(uint32_t length, uint32_t max_body, thidua_error *err)
{
    if (length > max_body)
        return set_error(err, THIDUA_E_PROTOCOL, THIDUA_CODE_RESOURCE_EXHAUSTED, "frame.max_bytes",
                         "", "a frame of %lu bytes exceeds the limit of %lu bytes",
                         (unsigned long)length, (unsigned long)max_body);
    return THIDUA_OK;
}

thidua_result thidua_frame_decode(const uint8_t *body, size_t len, Frame **frame,
                                  thidua_error *err)
{
    static const uint8_t empty[1] = {0};
    *frame = NULL;
    Frame *f = thidua__wire__v1__frame__unpack(NULL, len, body ? body : empty);
    if (!f)
        return set_error(err, THIDUA_E_PROTOCOL, THIDUA_CODE_INVALID_ARGUMENT, "frame.decode", "",
                         "a frame body of %lu bytes is not a valid Frame", (unsigned long)len);
    if (f->kind_case < THIDUA__WIRE__V1__FRAME__KIND_CLIENT_HELLO ||
        f->kind_case > THIDUA__WIRE__V1__FRAME__KIND_GO_AWAY) {
        thidua__wire__v1__frame__free_unpacked(f, NULL);
        return set_error(err, THIDUA_E_PROTOCOL, THIDUA_CODE_INVALID_ARGUMENT, "frame.kind", "",
                         "a Frame with no kind this version knows");
    }
    *frame = f;
    return THIDUA_OK;
}

static uint32_t be32(const uint8_t *p)
{
    return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | (uint32_t)p[3];
}

thidua_result thidua_frame_parse(const uint8_t *buf, size_t len, uint32_t max_body,
                                 size_t *consumed, Frame **frame, thidua_error *err)
{
    *frame = NULL;
    *consumed = 0;
    if (len < 4) return THIDUA_E_NEED_MORE;
    uint32_t n = be32(buf);
    thidua_result r = thidua_frame_check_length(n, max_body, err);
    if (r != THIDUA_OK) return r;
    if (len - 4 < n) return THIDUA_E_NEED_MORE;
    r = thidua_frame_decode(buf + 4, n, frame, err);
    if (r == THIDUA_OK) *consumed = 4 + (size_t)n;
    return r;
}

uint8_t *thidua_frame_encode(const Frame *frame, size_t *len)
{
    size_t n = thidua__wire__v1__frame__get_packed_size(frame);
    if (n > UINT32_MAX) return NULL;
    uint8_t *buf = malloc(4 + n);
    if (!buf) return NULL;
    buf[0] = (uint8_t)(n >> 24);
    buf[1] = (uint8_t)(n >> 16);
    buf[2] = (uint8_t)(n >> 8);
    buf[3] = (uint8_t)n;
    thidua__wire__v1__frame__pack(frame, buf + 4);
    *len = 4 + n;
    return buf;
}

void thidua_frame_free(Frame *frame)
{
    if (frame) thidua__wire__v1__frame__free_unpacked(frame, NULL);
}

/* ------------------------------------------------------------------------------------------ */
/* Connection state                                                                            */

typedef struct queued_msg {
    struct queued_msg *next;
    uint8_t *data;
    size_t len;
} queued_msg;

struct thidua_call {
    thidua_conn *conn;       /* NULL once the connection is closed */
    struct thidua_call *next;
    uint64_t id;
    int streaming;
    int in_list;             /* the server may still send frames for it (counts as in flight) */
    int user_ref;            /* a stream handle, or a unary call in progress, refers to it */
    int cancel_sent;
    int final_ready;         /* `final` holds the end of the call */
    int final_taken;         /* ... and it was handed to the user */
    thidua_result final_result; /* THIDUA_OK for a server status, else why it ended locally */
    thidua_error final_err;  /* for a local end: its cause (becomes thidua_last_error()) */
    int64_t deadline;        /* local timer, -1 = none */
    queued_msg *head, *tail;
    thidua_status final;
    uint8_t *unary_payload;  /* OK unary answer */
    size_t unary_len;
};

struct thidua_conn {
    int fd;
    int broken;              /* no more I/O: closed, failed, or the server broke the protocol */
    thidua_result broken_kind;
    int got_hello;
    Frame *hello_frame;      /* holds the ServerHello */
    uint32_t max_send;       /* frame body limits */
    uint32_t max_recv;
    uint32_t max_calls;
    uint32_t frame_timeout_ms;
    uint64_t next_call_id;   /* §3: strictly increasing, starting at 1 */
    uint64_t ping_counter;
    uint64_t awaited_pong;
    int pong_seen;
    int goaway;
    uint64_t goaway_last;
    thidua_error goaway_err;
    struct thidua_call *calls;
    size_t in_flight;
    /* incremental frame reader */
    uint8_t hdr[4];
    size_t hdr_got;
    uint8_t *body;
    uint32_t body_len;
    size_t body_got;
    int processing;          /* inside process_bytes: no nested reads */
    int writing;             /* inside write_all: pongs are queued */
    uint64_t *pongs;         /* pongs to send once the current write is done */
    size_t n_pongs, cap_pongs;
    thidua_error last_error;
    uint8_t rbuf[65536];
};

static thidua_result fail(thidua_conn *c, thidua_result kind, int code, const char *rule,
                          const char *field, const char *fmt, ...)
{
    thidua_error *e = &c->last_error;
    memset(e, 0, sizeof *e);
    e->kind = kind;
    e->code = code;
    if (code >= 0) copy_str(e->name, sizeof e->name, thidua_status_name(code));
    copy_str(e->rule, sizeof e->rule, rule);
    copy_str(e->field, sizeof e->field, field);
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(e->message, sizeof e->message, fmt, ap);
    va_end(ap);
    return kind;
}

static void free_queue(struct thidua_call *call)
{
    while (call->head) {
        queued_msg *m = call->head;
        call->head = m->next;
        free(m->data);
        free(m);
    }
    call->tail = NULL;
}

static void call_destroy(struct thidua_call *call)
{
    free_queue(call);
    thidua_status_clear(&call->final);
    free(call->unary_payload);
    free(call);
}

static struct thidua_call *find_call(thidua_conn *c, uint64_t id)
{
    for (struct thidua_call *k = c->calls; k; k = k->next)
        if (k->id == id) return k;
    return NULL;
}

/* Takes the call out of the in-flight list; frees it when no handle refers to it. */
static void unlist_call(thidua_conn *c, struct thidua_call *call)
{
    for (struct thidua_call **p = &c->calls; *p; p = &(*p)->next) {
        if (*p == call) {
            *p = call->next;
            break;
        }
    }
    call->next = NULL;
    call->in_list = 0;
    c->in_flight--;
    if (!call->user_ref) call_destroy(call);
}

/* Ends a call locally (if it has no end yet) with the given error as status. */
/* Ends a call locally (if it has no end yet): its status is made from `e`; `cause` (NULL = e)
 * is the error the user sees in thidua_last_error() and whose kind the call returns. */
static void end_call_locally(struct thidua_call *call, const thidua_error *e,
                             const thidua_error *cause)
{
    if (call->final_ready) return;
    if (!cause) cause = e;
    status_from_error(&call->final, call->id, e);
    call->final_ready = 1;
    call->final_result = cause->kind;
    call->final_err = *cause;
}

/* The connection can no longer be used: every call in flight ends (§8: UNAVAILABLE). */
static void conn_break(thidua_conn *c, thidua_result kind, const thidua_error *why_in)
{
    if (c->broken) return;
    thidua_error why_copy = *why_in;
    const thidua_error *why = &why_copy;
    why_copy.kind = kind;
    c->broken = 1;
    c->broken_kind = kind;
    c->last_error = *why;
    if (c->fd >= 0) shutdown(c->fd, SHUT_RDWR);
    thidua_error e;
    if (c->goaway && c->goaway_err.code != THIDUA_CODE_OK)
        set_error(&e, THIDUA_E_IO, THIDUA_CODE_UNAVAILABLE, "", "",
                  "the connection closed before the call ended (GoAway %s: %s)",
                  c->goaway_err.name, c->goaway_err.message);
    else
        set_error(&e, THIDUA_E_IO, THIDUA_CODE_UNAVAILABLE, "", "",
                  "the connection closed before the call ended: %s", why->message);
    while (c->calls) {
        struct thidua_call *call = c->calls;
        end_call_locally(call, &e, why);
        unlist_call(c, call);
    }
}

static void conn_break_msg(thidua_conn *c, thidua_result kind, int code, const char *rule,
                           const char *fmt, const char *arg)
{
    thidua_error e;
    set_error(&e, kind, code, rule, "", fmt, arg);
    conn_break(c, kind, &e);
}

/* ------------------------------------------------------------------------------------------ */
/* Writing                                                                                     */

static void process_bytes(thidua_conn *c, const uint8_t *p, size_t n);

/* Reads what is available (waiting at most timeout_ms, -1 = forever) and dispatches complete
 * frames. Returns THIDUA_OK (something was read, or nothing yet), THIDUA_E_TIMEOUT, or an error
 * that broke the connection. */
static thidua_result read_some(thidua_conn *c, int timeout_ms)
{
    if (c->broken) return c->broken_kind;
    struct pollfd pfd = {.fd = c->fd, .events = POLLIN};
    int pr = poll(&pfd, 1, timeout_ms);
    if (pr < 0) {
        if (errno == EINTR) return THIDUA_OK;
        conn_break_msg(c, THIDUA_E_IO, THIDUA_CODE_UNAVAILABLE, "", "poll failed: %s",
                       strerror(errno));
        return THIDUA_E_IO;
    }
    if (pr == 0) return THIDUA_E_TIMEOUT;
    ssize_t got = recv(c->fd, c->rbuf, sizeof c->rbuf, 0);
    if (got < 0) {
        if (errno == EINTR || errno == EAGAIN || errno == EWOULDBLOCK) return THIDUA_OK;
        conn_break_msg(c, THIDUA_E_IO, THIDUA_CODE_UNAVAILABLE, "", "read failed: %s",
                       strerror(errno));
        return THIDUA_E_IO;
    }
    if (got == 0) {
        if (c->hdr_got || c->body)
            conn_break_msg(c, THIDUA_E_IO, THIDUA_CODE_UNAVAILABLE, "",
                           "the server closed the connection in the middle of a frame%s", "");
        else
            conn_break_msg(c, THIDUA_E_IO, THIDUA_CODE_UNAVAILABLE, "",
                           "the server closed the connection%s", "");
        return THIDUA_E_IO;
    }
    process_bytes(c, c->rbuf, (size_t)got);
    return c->broken ? c->broken_kind : THIDUA_OK;
}

/* Writes a whole encoded frame. While the socket is not writable, reads and dispatches what the
 * server sends (unless already dispatching), so a full send buffer never deadlocks against a
 * server that is writing to us. */
static thidua_result write_all(thidua_conn *c, const uint8_t *buf, size_t len)
{
    if (c->broken) return c->broken_kind;
    int64_t deadline = deadline_after_ms(c->frame_timeout_ms);
    int was_writing = c->writing;
    c->writing = 1;
    size_t off = 0;
    thidua_result r = THIDUA_OK;
    while (off < len) {
        struct pollfd pfd = {.fd = c->fd, .events = POLLOUT | (c->processing ? 0 : POLLIN)};
        int wait = ms_left(deadline);
        if (wait == 0) {
            conn_break_msg(c, THIDUA_E_TIMEOUT, THIDUA_CODE_UNAVAILABLE, "frame.timeout",
                           "could not write a frame within the frame deadline%s", "");
            r = THIDUA_E_TIMEOUT;
            break;
        }
        int pr = poll(&pfd, 1, wait);
        if (pr < 0) {
            if (errno == EINTR) continue;
            conn_break_msg(c, THIDUA_E_IO, THIDUA_CODE_UNAVAILABLE, "", "poll failed: %s",
                           strerror(errno));
            r = THIDUA_E_IO;
            break;
        }
        if (pr == 0) continue;
        if (pfd.revents & POLLOUT) {
            ssize_t put = send(c->fd, buf + off, len - off, SEND_FLAGS);
            if (put < 0) {
                if (errno == EINTR || errno == EAGAIN || errno == EWOULDBLOCK) continue;
                conn_break_msg(c, THIDUA_E_IO, THIDUA_CODE_UNAVAILABLE, "", "write failed: %s",
                               strerror(errno));
                r = THIDUA_E_IO;
                break;
            }
            off += (size_t)put;
        } else if (pfd.revents & (POLLIN | POLLHUP | POLLERR)) {
            r = read_some(c, 0);
            if (r == THIDUA_E_TIMEOUT) r = THIDUA_OK;
            if (r != THIDUA_OK) break;
        }
    }
    c->writing = was_writing;
    return r;
}

static thidua_result send_frame(thidua_conn *c, const Frame *f)
{
    size_t len;
    uint8_t *buf = thidua_frame_encode(f, &len);
    if (!buf) return fail(c, THIDUA_E_NOMEM, -1, "", "", "out of memory encoding a frame");
    thidua_result r = write_all(c, buf, len);
    free(buf);
    return r;
}

static thidua_result send_ping_kind(thidua_conn *c, int pong, uint64_t opaque)
{
    Thidua__Wire__V1__Ping p = THIDUA__WIRE__V1__PING__INIT;
    p.opaque = opaque;
    Frame f = THIDUA__WIRE__V1__FRAME__INIT;
    if (pong) {
        f.kind_case = THIDUA__WIRE__V1__FRAME__KIND_PONG;
        f.pong = &p;
    } else {
        f.kind_case = THIDUA__WIRE__V1__FRAME__KIND_PING;
        f.ping = &p;
    }
    return send_frame(c, &f);
}

/* Sends the pongs queued while dispatching. Only at the top level (never inside a write or a
 * dispatch), so frames are never interleaved. */
static void flush_pongs(thidua_conn *c)
{
    if (c->writing || c->processing) return;
    while (c->n_pongs && !c->broken) {
        uint64_t opaque = c->pongs[0];
        memmove(c->pongs, c->pongs + 1, (c->n_pongs - 1) * sizeof *c->pongs);
        c->n_pongs--;
        send_ping_kind(c, 1, opaque);
    }
}

static void queue_pong(thidua_conn *c, uint64_t opaque)
{
    if (c->n_pongs == c->cap_pongs) {
        if (c->cap_pongs >= MAX_PENDING_PONGS) return; /* a ping flood: drop the extra ones */
        size_t cap = c->cap_pongs ? c->cap_pongs * 2 : 8;
        uint64_t *p = realloc(c->pongs, cap * sizeof *p);
        if (!p) return;
        c->pongs = p;
        c->cap_pongs = cap;
    }
    c->pongs[c->n_pongs++] = opaque;
}

static thidua_result send_cancel(thidua_conn *c, struct thidua_call *call)
{
    if (call->cancel_sent || !call->in_list || c->broken) return THIDUA_OK;
    call->cancel_sent = 1;
    Thidua__Wire__V1__Cancel m = THIDUA__WIRE__V1__CANCEL__INIT;
    m.call_id = call->id;
    Frame f = THIDUA__WIRE__V1__FRAME__INIT;
    f.kind_case = THIDUA__WIRE__V1__FRAME__KIND_CANCEL;
    f.cancel = &m;
    return send_frame(c, &f);
}

/* ------------------------------------------------------------------------------------------ */
/* Dispatching received frames                                                                 */

static void on_goaway(thidua_conn *c, const Thidua__Wire__V1__GoAway *g)
{
    const char *rule = g->n_details && g->details[0] ? g->details[0]->rule : "";
    const char *field = g->n_details && g->details[0] ? g->details[0]->field : "";
    c->goaway = 1;
    c->goaway_last = g->last_call_id;
    set_error(&c->goaway_err, THIDUA_E_GOAWAY, known_code((int)g->code), rule, field, "%s",
              g->message ? g->message : "");
    /* §8: calls above last_call_id were not run and never will be. */
    thidua_error e;
    set_error(&e, THIDUA_E_CLOSED, THIDUA_CODE_UNAVAILABLE, "", "",
              "the server did not run this call (GoAway: %s); it is safe to retry on a new "
              "connection", g->message ? g->message : "");
    struct thidua_call *call = c->calls;
    while (call) {
        struct thidua_call *next = call->next;
        if (call->id > g->last_call_id) {
            end_call_locally(call, &e, NULL);
            unlist_call(c, call);
        }
        call = next;
    }
}

static void on_status(thidua_conn *c, const Thidua__Wire__V1__CallStatus *cs)
{
    struct thidua_call *call = find_call(c, cs->call_id);
    if (!call) return; /* unknown or abandoned call: drop */
    if (!call->final_ready) {
        if (status_from_wire(&call->final, cs) != 0) {
            thidua_status_clear(&call->final);
            thidua_error e;
            set_error(&e, THIDUA_E_NOMEM, THIDUA_CODE_UNKNOWN, "", "",
                      "out of memory reading the status");
            end_call_locally(call, &e, NULL);
        } else {
            call->final_ready = 1;
            call->final_result = THIDUA_OK;
            if (!call->streaming && cs->code == THIDUA__WIRE__V1__STATUS_CODE__OK) {
                call->unary_payload = dup_bytes(cs->payload.data, cs->payload.len);
                call->unary_len = cs->payload.len;
                if (!call->unary_payload) {
                    thidua_status_clear(&call->final);
                    call->final_ready = 0;
                    thidua_error e;
                    set_error(&e, THIDUA_E_NOMEM, THIDUA_CODE_UNKNOWN, "", "",
                              "out of memory reading the answer");
                    end_call_locally(call, &e, NULL);
                }
            }
        }
    }
    unlist_call(c, call); /* §4: the status is the last frame of the call */
}

static void on_response(thidua_conn *c, const Thidua__Wire__V1__Response *m)
{
    struct thidua_call *call = find_call(c, m->call_id);
    /* Dropped: unknown calls, calls that already ended locally or whose handle is gone, and
     * Response frames for a call made as unary (the unary API has no place for them). */
    if (!call || call->final_ready || !call->user_ref || !call->streaming) return;
    queued_msg *q = malloc(sizeof *q);
    uint8_t *data = dup_bytes(m->payload.data, m->payload.len);
    if (!q || !data) {
        free(q);
        free(data);
        thidua_error e;
        set_error(&e, THIDUA_E_NOMEM, THIDUA_CODE_UNKNOWN, "", "",
                  "out of memory queueing a message");
        end_call_locally(call, &e, NULL);
        send_cancel(c, call); /* queued as a write; fine: only pongs are deferred */
        return;
    }
    q->next = NULL;
    q->data = data;
    q->len = m->payload.len;
    if (call->tail) call->tail->next = q;
    else call->head = q;
    call->tail = q;
}

static void dispatch(thidua_conn *c, const Frame *f)
{
    switch (f->kind_case) {
    case THIDUA__WIRE__V1__FRAME__KIND_SERVER_HELLO:
        if (c->got_hello) {
            conn_break_msg(c, THIDUA_E_PROTOCOL, THIDUA_CODE_INVALID_ARGUMENT, "handshake.once",
                           "the server sent a second ServerHello%s", "");
        }
        break; /* the first one is taken by the handshake code */
    case THIDUA__WIRE__V1__FRAME__KIND_RESPONSE:
        on_response(c, f->response);
        break;
    case THIDUA__WIRE__V1__FRAME__KIND_STATUS:
        on_status(c, f->status);
        break;
    case THIDUA__WIRE__V1__FRAME__KIND_PING:
        queue_pong(c, f->ping->opaque);
        break;
    case THIDUA__WIRE__V1__FRAME__KIND_PONG:
        if (f->pong->opaque == c->awaited_pong) c->pong_seen = 1;
        break;
    case THIDUA__WIRE__V1__FRAME__KIND_GO_AWAY:
        on_goaway(c, f->go_away);
        break;
    case THIDUA__WIRE__V1__FRAME__KIND_CLIENT_HELLO:
    case THIDUA__WIRE__V1__FRAME__KIND_REQUEST:
    case THIDUA__WIRE__V1__FRAME__KIND_CANCEL:
        conn_break_msg(c, THIDUA_E_PROTOCOL, THIDUA_CODE_INVALID_ARGUMENT, "frame.direction",
                       "the server sent a client-only frame (%s)",
                       f->kind_case == THIDUA__WIRE__V1__FRAME__KIND_CLIENT_HELLO ? "client_hello"
                       : f->kind_case == THIDUA__WIRE__V1__FRAME__KIND_REQUEST   ? "request"
                                                                                  : "cancel");
        break;
    default:
        break; /* not reachable: thidua_frame_decode refuses frames with no known kind */
    }
}

/* Feeds received bytes to the incremental frame reader. The length header is checked against
 * the limit before the body is allocated or read. */
static void process_bytes(thidua_conn *c, const uint8_t *p, size_t n)
{
    c->processing = 1;
    while (n > 0 && !c->broken) {
        if (c->hdr_got < 4) {
            size_t take = 4 - c->hdr_got;
            if (take > n) take = n;
            memcpy(c->hdr + c->hdr_got, p, take);
            c->hdr_got += take;
            p += take;
            n -= take;
            if (c->hdr_got < 4) break;
            uint32_t len = be32(c->hdr);
            thidua_error e;
            if (thidua_frame_check_length(len, c->max_recv, &e) != THIDUA_OK) {
                conn_break(c, THIDUA_E_PROTOCOL, &e);
                break;
            }
            c->body = malloc(len ? len : 1);
            if (!c->body) {
                conn_break_msg(c, THIDUA_E_NOMEM, THIDUA_CODE_UNKNOWN, "",
                               "out of memory for a frame%s", "");
                break;
            }
            c->body_len = len;
            c->body_got = 0;
        }
        size_t take = c->body_len - c->body_got;
        if (take > n) take = n;
        if (take) memcpy(c->body + c->body_got, p, take);
        c->body_got += take;
        p += take;
        n -= take;
        if (c->body_got < c->body_len) break;

        Frame *f = NULL;
        thidua_error e;
        thidua_result r = thidua_frame_decode(c->body, c->body_len, &f, &e);
        free(c->body);
        c->body = NULL;
        c->hdr_got = 0;
        c->body_len = 0;
        c->body_got = 0;
        if (r != THIDUA_OK) {
            conn_break(c, r, &e);
            break;
        }
        if (!c->got_hello && f->kind_case == THIDUA__WIRE__V1__FRAME__KIND_SERVER_HELLO) {
            c->hello_frame = f; /* kept: thidua_server_hello() returns it */
            c->got_hello = 1;
            continue;
        }
        if (!c->got_hello && f->kind_case != THIDUA__WIRE__V1__FRAME__KIND_GO_AWAY &&
            f->kind_case != THIDUA__WIRE__V1__FRAME__KIND_PING) {
            thidua_frame_free(f);
            conn_break_msg(c, THIDUA_E_PROTOCOL, THIDUA_CODE_INVALID_ARGUMENT, "handshake.first",
                           "the server's first frame is not a ServerHello or a GoAway%s", "");
            break;
        }
        dispatch(c, f);
        thidua_frame_free(f);
    }
    c->processing = 0;
}

/* Reads and dispatches until done(c, arg), the deadline (-1 = none), or a broken connection. */
typedef int (*done_fn)(thidua_conn *c, void *arg);

static thidua_result pump(thidua_conn *c, int64_t deadline, done_fn done, void *arg)
{
    for (;;) {
        flush_pongs(c);
        if (done(c, arg)) return THIDUA_OK;
        if (c->broken) return c->broken_kind;
        int wait = ms_left(deadline);
        if (wait == 0) return THIDUA_E_TIMEOUT;
        thidua_result r = read_some(c, wait);
        if (r != THIDUA_OK && r != THIDUA_E_TIMEOUT) {
            flush_pongs(c);
            return done(c, arg) ? THIDUA_OK : r;
        }
    }
}

/* ------------------------------------------------------------------------------------------ */
/* Connecting                                                                                  */

static int hello_done(thidua_conn *c, void *arg)
{
    (void)arg;
    return c->got_hello || c->goaway;
}

static void apply_limits(thidua_conn *c)
{
    const Thidua__Wire__V1__Limits *l = c->hello_frame->server_hello->limits;
    /* A missing Limits message or a zero field is read as the default of §2. */
    c->max_send = l && l->max_frame_bytes ? l->max_frame_bytes : THIDUA_DEFAULT_MAX_FRAME_BYTES;
    c->max_calls = l && l->max_concurrent_calls ? l->max_concurrent_calls
                                                 : THIDUA_DEFAULT_MAX_CONCURRENT_CALLS;
    c->frame_timeout_ms =
        l && l->frame_timeout_ms ? l->frame_timeout_ms : THIDUA_DEFAULT_FRAME_TIMEOUT_MS;
    if (c->max_send > c->max_recv) c->max_recv = c->max_send;
}

thidua_result thidua_connect_fd(int fd, const thidua_connect_options *o, thidua_conn **out,
                                thidua_error *err)
{
    thidua_connect_options defaults = {0};
    if (!o) o = &defaults;
    if (out) *out = NULL;
    if (fd < 0 || !out) {
        if (fd >= 0) close(fd);
        return set_error(err, THIDUA_E_INVALID, -1, "", "", "invalid argument");
    }
    const char *name = o->client_name ? o->client_name : "";
    const char *key = o->api_key ? o->api_key : "";

    int fl = fcntl(fd, F_GETFL, 0);
    if (fl < 0 || fcntl(fd, F_SETFL, fl | O_NONBLOCK) < 0) {
        int en = errno;
        close(fd);
        set_error(err, THIDUA_E_IO, THIDUA_CODE_UNAVAILABLE, "", "", "fcntl: %s", strerror(en));
        if (err) err->sys_errno = en;
        return THIDUA_E_IO;
    }
#ifdef SO_NOSIGPIPE
    {
        int one = 1;
        setsockopt(fd, SOL_SOCKET, SO_NOSIGPIPE, &one, sizeof one);
    }
#endif
    thidua_conn *c = calloc(1, sizeof *c);
    if (!c) {
        close(fd);
        return set_error(err, THIDUA_E_NOMEM, -1, "", "", "out of memory");
    }
    c->fd = fd;
    c->next_call_id = 1;
    c->max_recv = o->max_recv_frame_bytes ? o->max_recv_frame_bytes
                                          : THIDUA_DEFAULT_MAX_FRAME_BYTES;
    c->max_send = THIDUA_FIRST_FRAME_MAX_BYTES; /* §1: the first frame */
    c->max_calls = THIDUA_DEFAULT_MAX_CONCURRENT_CALLS;
    c->frame_timeout_ms = THIDUA_DEFAULT_FRAME_TIMEOUT_MS;

    Thidua__Wire__V1__ClientHello h = THIDUA__WIRE__V1__CLIENT_HELLO__INIT;
    h.protocol_version = o->protocol_version ? o->protocol_version : THIDUA_PROTOCOL_VERSION;
    h.client_name = (char *)name;
    h.api_key = (char *)key;
    h.accept_language = (char *)(o->accept_language ? o->accept_language : "");
    Frame f = THIDUA__WIRE__V1__FRAME__INIT;
    f.kind_case = THIDUA__WIRE__V1__FRAME__KIND_CLIENT_HELLO;
    f.client_hello = &h;
    thidua_result r;
    size_t body = thidua__wire__v1__frame__get_packed_size(&f);
    if (body > c->max_send) {
        r = set_error(err, THIDUA_E_LIMIT, THIDUA_CODE_RESOURCE_EXHAUSTED, "frame.max_bytes", "",
                      "the ClientHello would be %lu bytes, above the limit of %lu bytes",
                      (unsigned long)body, (unsigned long)c->max_send);
        thidua_close(c);
        return r;
    }
    r = send_frame(c, &f);
    if (r == THIDUA_OK) {
        uint32_t hs = o->handshake_timeout_ms ? o->handshake_timeout_ms
                                              : DEFAULT_HANDSHAKE_TIMEOUT_MS;
        r = pump(c, deadline_after_ms(hs), hello_done, NULL);
    }
    if (r == THIDUA_OK && c->got_hello &&
        c->hello_frame->server_hello->protocol_version != h.protocol_version) {
        r = set_error(err, THIDUA_E_PROTOCOL, THIDUA_CODE_FAILED_PRECONDITION,
                      "handshake.protocol_version", "",
                      "the server answered with protocol version %lu, not %lu",
                      (unsigned long)c->hello_frame->server_hello->protocol_version,
                      (unsigned long)h.protocol_version);
        thidua_close(c);
        return r;
    }
    if (r == THIDUA_OK && c->got_hello) {
        apply_limits(c);
        c->last_error.kind = THIDUA_OK;
        *out = c;
        return THIDUA_OK;
    }
    if (c->goaway) {
        r = THIDUA_E_GOAWAY;
        if (err) *err = c->goaway_err;
    } else if (r == THIDUA_E_TIMEOUT) {
        set_error(err, THIDUA_E_TIMEOUT, THIDUA_CODE_DEADLINE_EXCEEDED, "", "",
                  "no ServerHello within the handshake timeout");
    } else if (err) {
        *err = c->last_error;
        if (r == THIDUA_OK) r = err->kind = THIDUA_E_IO;
    }
    thidua_close(c);
    return r;
}

static int connect_with_timeout(int fd, const struct sockaddr *sa, socklen_t salen, int ms)
{
    int fl = fcntl(fd, F_GETFL, 0);
    if (fl < 0 || fcntl(fd, F_SETFL, fl | O_NONBLOCK) < 0) return -1;
    if (connect(fd, sa, salen) == 0) return 0;
    if (errno != EINPROGRESS && errno != EINTR) return -1;
    int64_t deadline = deadline_after_ms((uint64_t)ms);
    for (;;) {
        struct pollfd pfd = {.fd = fd, .events = POLLOUT};
        int wait = ms_left(deadline);
        if (wait == 0) {
            errno = ETIMEDOUT;
            return -1;
        }
        int pr = poll(&pfd, 1, wait);
        if (pr < 0 && errno == EINTR) continue;
        if (pr < 0) return -1;
        if (pr == 0) continue;
        int soerr = 0;
        socklen_t sl = sizeof soerr;
        if (getsockopt(fd, SOL_SOCKET, SO_ERROR, &soerr, &sl) < 0) return -1;
        if (soerr) {
            errno = soerr;
            return -1;
        }
        return 0;
    }
}

thidua_result thidua_connect_ex(const char *host, uint16_t port, const thidua_connect_options *o,
                                thidua_conn **out, thidua_error *err)
{
    thidua_connect_options defaults = {0};
    if (!o) o = &defaults;
    if (out) *out = NULL;
    if (!host || !out || port == 0)
        return set_error(err, THIDUA_E_INVALID, -1, "", "", "invalid argument");
    char portstr[8];
    snprintf(portstr, sizeof portstr, "%u", (unsigned)port);
    struct addrinfo hints, *res = NULL;
    memset(&hints, 0, sizeof hints);
    hints.ai_family = AF_UNSPEC;
    hints.ai_socktype = SOCK_STREAM;
    int gai = getaddrinfo(host, portstr, &hints, &res);
    if (gai != 0)
        return set_error(err, THIDUA_E_RESOLVE, THIDUA_CODE_UNAVAILABLE, "", "",
                         "cannot resolve %s: %s", host, gai_strerror(gai));
    int ms = o->connect_timeout_ms ? (int)o->connect_timeout_ms : (int)DEFAULT_CONNECT_TIMEOUT_MS;
    int fd = -1, last_errno = 0;
    for (struct addrinfo *ai = res; ai; ai = ai->ai_next) {
        fd = socket(ai->ai_family, ai->ai_socktype, ai->ai_protocol);
        if (fd < 0) {
            last_errno = errno;
            continue;
        }
        if (connect_with_timeout(fd, ai->ai_addr, ai->ai_addrlen, ms) == 0) break;
        last_errno = errno;
        close(fd);
        fd = -1;
    }
    freeaddrinfo(res);
    if (fd < 0) {
        set_error(err, THIDUA_E_CONNECT, THIDUA_CODE_UNAVAILABLE, "", "",
                  "cannot connect to %s:%u: %s", host, (unsigned)port, strerror(last_errno));
        if (err) err->sys_errno = last_errno;
        return THIDUA_E_CONNECT;
    }
    int one = 1;
    setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
    return thidua_connect_fd(fd, o, out, err);
}

thidua_result thidua_connect(const char *host, uint16_t port, const char *client_name,
                             const char *api_key, thidua_conn **conn, thidua_error *err)
{
    thidua_connect_options o = {0};
    o.client_name = client_name;
    o.api_key = api_key;
    return thidua_connect_ex(host, port, &o, conn, err);
}

void thidua_close(thidua_conn *c)
{
    if (!c) return;
    thidua_error e;
    set_error(&e, THIDUA_E_CLOSED, THIDUA_CODE_UNAVAILABLE, "", "",
              "the client closed the connection before the call ended");
    while (c->calls) {
        struct thidua_call *call = c->calls;
        end_call_locally(call, &e, NULL);
        call->conn = NULL;
        unlist_call(c, call);
    }
    if (c->fd >= 0) close(c->fd);
    thidua_frame_free(c->hello_frame);
    free(c->body);
    free(c->pongs);
    free(c);
}

const thidua_error *thidua_last_error(const thidua_conn *c) { return c ? &c->last_error : NULL; }

const Thidua__Wire__V1__ServerHello *thidua_server_hello(const thidua_conn *c)
{
    return c && c->hello_frame ? c->hello_frame->server_hello : NULL;
}

int thidua_has_service(const thidua_conn *c, const char *service)
{
    const Thidua__Wire__V1__ServerHello *h = thidua_server_hello(c);
    if (!h || !service) return 0;
    for (size_t i = 0; i < h->n_services; i++)
        if (strcmp(h->services[i], service) == 0) return 1;
    return 0;
}

int thidua_is_open(const thidua_conn *c) { return c && !c->broken && !c->goaway; }

int thidua_goaway(const thidua_conn *c, uint64_t *last_call_id, thidua_error *goaway)
{
    if (!c || !c->goaway) return 0;
    if (last_call_id) *last_call_id = c->goaway_last;
    if (goaway) *goaway = c->goaway_err;
    return 1;
}

/* ------------------------------------------------------------------------------------------ */
/* Calls                                                                                       */

static int valid_metadata_key(const char *k)
{
    if (!k || !*k) return 0;
    for (; *k; k++)
        if (*k >= 'A' && *k <= 'Z') return 0;
    return 1;
}

/* Sends a Request and registers the call. On failure returns the error (also in last_error). */
static thidua_result start_call(thidua_conn *c, const char *method, const uint8_t *req,
                                size_t req_len, const thidua_call_options *o, int streaming,
                                struct thidua_call **out)
{
    *out = NULL;
    if (!method || (!req && req_len))
        return fail(c, THIDUA_E_INVALID, -1, "", "", "invalid argument");
    if (o && o->n_metadata && !o->metadata)
        return fail(c, THIDUA_E_INVALID, -1, "", "", "invalid argument");
    /* Take in what already arrived (an idle GoAway, a close) so the call is refused locally
     * rather than sent into a closing connection. */
    while (!c->broken && read_some(c, 0) == THIDUA_OK) {
    }
    flush_pongs(c);
    if (c->broken)
        return fail(c, THIDUA_E_CLOSED, THIDUA_CODE_UNAVAILABLE, "", "",
                    "the connection is closed");
    if (c->goaway)
        return fail(c, THIDUA_E_CLOSED, THIDUA_CODE_UNAVAILABLE, "", "",
                    "the server sent a GoAway and takes no new calls on this connection");
    if (c->in_flight >= c->max_calls)
        return fail(c, THIDUA_E_LIMIT, THIDUA_CODE_RESOURCE_EXHAUSTED, "", "",
                    "%lu calls are already in flight, the server's limit",
                    (unsigned long)c->in_flight);

    size_t nm = o ? o->n_metadata : 0;
    Thidua__Wire__V1__Request__MetadataEntry *entries = NULL, **ptrs = NULL;
    if (nm) {
        entries = calloc(nm, sizeof *entries);
        ptrs = calloc(nm, sizeof *ptrs);
        if (!entries || !ptrs) {
            free(entries);
            free(ptrs);
            return fail(c, THIDUA_E_NOMEM, -1, "", "", "out of memory");
        }
        for (size_t i = 0; i < nm; i++) {
            if (!valid_metadata_key(o->metadata[i].key)) {
                free(entries);
                free(ptrs);
                return fail(c, THIDUA_E_INVALID, -1, "", "metadata",
                            "metadata keys must be non-empty and lower-case");
            }
            Thidua__Wire__V1__Request__MetadataEntry init =
                THIDUA__WIRE__V1__REQUEST__METADATA_ENTRY__INIT;
            entries[i] = init;
            entries[i].key = (char *)o->metadata[i].key;
            entries[i].value = (char *)(o->metadata[i].value ? o->metadata[i].value : "");
            ptrs[i] = &entries[i];
        }
    }
    Thidua__Wire__V1__Request rq = THIDUA__WIRE__V1__REQUEST__INIT;
    rq.call_id = c->next_call_id;
    rq.method = (char *)method;
    rq.n_metadata = nm;
    rq.metadata = ptrs;
    rq.timeout_ms = o ? o->timeout_ms : 0;
    rq.payload.data = (uint8_t *)req;
    rq.payload.len = req_len;
    Frame f = THIDUA__WIRE__V1__FRAME__INIT;
    f.kind_case = THIDUA__WIRE__V1__FRAME__KIND_REQUEST;
    f.request = &rq;

    thidua_result r;
    size_t body = thidua__wire__v1__frame__get_packed_size(&f);
    if (body > c->max_send) {
        r = fail(c, THIDUA_E_LIMIT, THIDUA_CODE_RESOURCE_EXHAUSTED, "frame.max_bytes", "payload",
                 "the request frame would be %lu bytes, above the server's limit of %lu bytes",
                 (unsigned long)body, (unsigned long)c->max_send);
        free(entries);
        free(ptrs);
        return r;
    }
    struct thidua_call *call = calloc(1, sizeof *call);
    if (!call) {
        free(entries);
        free(ptrs);
        return fail(c, THIDUA_E_NOMEM, -1, "", "", "out of memory");
    }
    call->conn = c;
    call->id = c->next_call_id++;
    call->streaming = streaming;
    call->user_ref = 1;
    call->in_list = 1;
    call->deadline = o && o->timeout_ms
                         ? deadline_after_ms((uint64_t)o->timeout_ms + THIDUA_LOCAL_GRACE_MS)
                         : -1;
    call->next = c->calls;
    c->calls = call;
    c->in_flight++;

    r = send_frame(c, &f);
    free(entries);
    free(ptrs);
    flush_pongs(c);
    /* If sending failed the connection broke and the call already has its local end. */
    *out = call;
    return r;
}

/* The user lets go of a call. */
static void release_call(struct thidua_call *call)
{
    call->user_ref = 0;
    free_queue(call);
    if (!call->in_list) call_destroy(call);
}

static int call_ended(thidua_conn *c, void *arg)
{
    (void)c;
    return ((struct thidua_call *)arg)->final_ready;
}

static int stream_ready(thidua_conn *c, void *arg)
{
    (void)c;
    struct thidua_call *call = arg;
    return call->head != NULL || call->final_ready;
}

/* The local timer of a call expired: cancel it and end it with DEADLINE_EXCEEDED. */
static void expire_call(thidua_conn *c, struct thidua_call *call)
{
    thidua_error e;
    set_error(&e, THIDUA_E_TIMEOUT, THIDUA_CODE_DEADLINE_EXCEEDED, "", "",
              "no answer within the call's timeout (client-side timer)");
    end_call_locally(call, &e, NULL);
    send_cancel(c, call);
    flush_pongs(c);
}

/* Moves the final status into *status (or drops it), sets last_error for local ends. */
static thidua_result take_final(thidua_conn *c, struct thidua_call *call, thidua_status *status)
{
    call->final_taken = 1;
    thidua_result r = call->final_result;
    if (c && r != THIDUA_OK) c->last_error = call->final_err;
    if (status) {
        *status = call->final;
        memset(&call->final, 0, sizeof call->final);
    }
    return r;
}

thidua_result thidua_call_unary_ex(thidua_conn *c, const char *method, const uint8_t *req,
                                   size_t req_len, const thidua_call_options *o, uint8_t **resp,
                                   size_t *resp_len, thidua_status *status)
{
    if (resp) *resp = NULL;
    if (resp_len) *resp_len = 0;
    if (status) memset(status, 0, sizeof *status);
    if (!c) {
        if (status) status_local(status, 0, THIDUA_CODE_UNAVAILABLE, "", "", "no connection");
        return THIDUA_E_INVALID;
    }
    struct thidua_call *call;
    thidua_result r = start_call(c, method, req, req_len, o, 0, &call);
    if (!call) {
        if (status) status_from_error(status, 0, &c->last_error);
        return r;
    }
    r = pump(c, call->deadline, call_ended, call);
    if (r == THIDUA_E_TIMEOUT && !call->final_ready) expire_call(c, call);
    r = take_final(c, call, status);
    if (call->unary_payload && r == THIDUA_OK) {
        if (resp) {
            *resp = call->unary_payload;
            call->unary_payload = NULL;
        }
        if (resp_len) *resp_len = call->unary_len;
    }
    if (!status) thidua_status_clear(&call->final);
    release_call(call);
    return r;
}

thidua_result thidua_call_unary(thidua_conn *c, const char *method, const uint8_t *req,
                                size_t req_len, uint32_t timeout_ms, uint8_t **resp,
                                size_t *resp_len, thidua_status *status)
{
    thidua_call_options o = {timeout_ms, NULL, 0};
    return thidua_call_unary_ex(c, method, req, req_len, &o, resp, resp_len, status);
}

thidua_result thidua_stream_begin_ex(thidua_conn *c, const char *method, const uint8_t *req,
                                     size_t req_len, const thidua_call_options *o,
                                     thidua_stream **stream)
{
    if (!stream) return c ? fail(c, THIDUA_E_INVALID, -1, "", "", "invalid argument")
                          : THIDUA_E_INVALID;
    *stream = NULL;
    if (!c) return THIDUA_E_INVALID;
    struct thidua_call *call;
    thidua_result r = start_call(c, method, req, req_len, o, 1, &call);
    if (!call) return r;
    if (r != THIDUA_OK) {
        /* The request could not be written: the connection is gone. */
        release_call(call);
        return r;
    }
    *stream = call;
    return THIDUA_OK;
}

thidua_result thidua_stream_begin(thidua_conn *c, const char *method, const uint8_t *req,
                                  size_t req_len, uint32_t timeout_ms, thidua_stream **stream)
{
    thidua_call_options o = {timeout_ms, NULL, 0};
    return thidua_stream_begin_ex(c, method, req, req_len, &o, stream);
}

int thidua_stream_next(thidua_stream *s, uint8_t **msg, size_t *msg_len, thidua_status *status)
{
    if (!s || !msg || !msg_len) return THIDUA_E_INVALID;
    *msg = NULL;
    *msg_len = 0;
    if (s->final_taken) return THIDUA_E_INVALID;
    for (;;) {
        if (s->head) {
            queued_msg *q = s->head;
            s->head = q->next;
            if (!s->head) s->tail = NULL;
            *msg = q->data;
            *msg_len = q->len;
            free(q);
            return 1;
        }
        if (s->final_ready) {
            if (status) memset(status, 0, sizeof *status);
            take_final(s->conn, s, status);
            if (!status) thidua_status_clear(&s->final);
            return 0;
        }
        thidua_conn *c = s->conn; /* non-NULL: closing a connection ends its calls */
        thidua_result r = pump(c, s->deadline, stream_ready, s);
        if (r == THIDUA_E_TIMEOUT && !stream_ready(c, s)) expire_call(c, s);
    }
}

thidua_result thidua_stream_cancel(thidua_stream *s)
{
    if (!s) return THIDUA_E_INVALID;
    if (!s->conn || s->final_ready) return THIDUA_OK;
    thidua_result r = send_cancel(s->conn, s);
    flush_pongs(s->conn);
    return r;
}

uint64_t thidua_stream_call_id(const thidua_stream *s) { return s ? s->id : 0; }

void thidua_stream_free(thidua_stream *s)
{
    if (!s) return;
    if (s->conn && s->in_list) {
        send_cancel(s->conn, s);
        flush_pongs(s->conn);
    }
    release_call(s);
}

thidua_result thidua_call_stream(thidua_conn *c, const char *method, const uint8_t *req,
                                 size_t req_len, uint32_t timeout_ms, thidua_message_cb cb,
                                 void *user, thidua_status *status)
{
    if (status) memset(status, 0, sizeof *status);
    if (!c || !cb) {
        if (status) status_local(status, 0, THIDUA_CODE_UNAVAILABLE, "", "", "invalid argument");
        return THIDUA_E_INVALID;
    }
    thidua_stream *s;
    thidua_result r = thidua_stream_begin(c, method, req, req_len, timeout_ms, &s);
    if (r != THIDUA_OK) {
        if (status) status_from_error(status, 0, &c->last_error);
        return r;
    }
    int cancelled = 0;
    for (;;) {
        uint8_t *m;
        size_t n;
        int k = thidua_stream_next(s, &m, &n, status);
        if (k == 1) {
            if (!cancelled && cb(user, m, n) != 0) {
                cancelled = 1;
                thidua_stream_cancel(s);
            }
            free(m);
            continue;
        }
        r = k == 0 ? s->final_result : THIDUA_E_INVALID;
        break;
    }
    thidua_stream_free(s);
    return r;
}

static int pong_done(thidua_conn *c, void *arg)
{
    (void)arg;
    return c->pong_seen;
}

thidua_result thidua_ping(thidua_conn *c, uint32_t timeout_ms, uint64_t *rtt_us)
{
    if (!c) return THIDUA_E_INVALID;
    if (c->broken)
        return fail(c, THIDUA_E_CLOSED, THIDUA_CODE_UNAVAILABLE, "", "",
                    "the connection is closed");
    int64_t start = now_us();
    c->awaited_pong = ++c->ping_counter;
    c->pong_seen = 0;
    thidua_result r = send_ping_kind(c, 0, c->awaited_pong);
    if (r == THIDUA_OK)
        r = pump(c, deadline_after_ms(timeout_ms ? timeout_ms : DEFAULT_PING_TIMEOUT_MS),
                 pong_done, NULL);
    c->awaited_pong = 0;
    if (r == THIDUA_E_TIMEOUT)
        return fail(c, THIDUA_E_TIMEOUT, -1, "", "", "no pong within the timeout");
    if (r != THIDUA_OK) return r; /* last_error set when the connection broke */
    if (rtt_us) *rtt_us = (uint64_t)(now_us() - start);
    return THIDUA_OK;
}
