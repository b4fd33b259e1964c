/*
 * thidua.h - C client of the thidua wire protocol, version 1 (docs/PROTOCOL.md).
 *
 * C11, POSIX sockets, blocking API (internally: non-blocking socket + poll, so every wait has a
 * deadline). One connection must be used by one thread at a time.
 *
 * OWNERSHIP RULES (the whole story; every pointer the library hands out is covered here)
 *
 *   thidua_conn *        from thidua_connect*(): the caller owns it; release with thidua_close().
 *   thidua_stream *      from thidua_stream_begin(): the caller owns it; release with
 *                        thidua_stream_free(), also after thidua_close() (the handle stays valid
 *                        and reports the call as ended with UNAVAILABLE).
 *   uint8_t *response    from thidua_call_unary*() / thidua_stream_next(): a malloc() buffer the
 *                        caller owns and releases with free(). It is non-NULL whenever a message
 *                        is returned, even an empty one (length 0); NULL otherwise.
 *   thidua_status        a caller-provided struct. Functions that take one overwrite it entirely
 *                        (without freeing what it held, so clear it before reusing it); it then
 *                        owns malloc()ed strings that the caller releases with
 *                        thidua_status_clear(). Clearing a zeroed or cleared status is a no-op.
 *                        status->name is a static string: never free it.
 *   thidua_error         a caller-provided struct of fixed-size arrays: nothing to free.
 *   const ... *          returned by thidua_last_error(), thidua_server_hello(),
 *                        thidua_status_name(), thidua_result_name(): owned by the library (or
 *                        static); valid until thidua_close() of the connection; never free.
 *   callback message     the (msg, len) passed to a thidua_message_cb is owned by the library
 *                        and valid only during the callback.
 *   Frame *              from thidua_frame_decode()/thidua_frame_parse(): free with
 *                        thidua_frame_free(). Buffers from thidua_frame_encode(): free().
 *
 * Frames that arrive while the library waits (answers of other calls, pings) are handled as
 * they come: pings are answered with pongs, messages and statuses of other calls are queued for
 * them, frames for unknown or abandoned calls are dropped. Pings are only answered while the
 * application is inside a library call.
 */
#ifndef THIDUA_H
#define THIDUA_H

#include <stddef.h>
#include <stdint.h>

#include "thidua/wire/v1/frame.pb-c.h"

#ifdef __cplusplus
extern "C" {
#endif

#define THIDUA_PROTOCOL_VERSION 1u
/* §1: the first frame of a connection (ClientHello) is at most 64 KiB. */
#define THIDUA_FIRST_FRAME_MAX_BYTES 65536u
/* §1/§2: default Limits.max_frame_bytes. */
#define THIDUA_DEFAULT_MAX_FRAME_BYTES 4194304u
#define THIDUA_DEFAULT_MAX_CONCURRENT_CALLS 256u
#define THIDUA_DEFAULT_FRAME_TIMEOUT_MS 10000u
/* Extra time the local timer of a call allows beyond its timeout_ms (§5: network delay). */
#define THIDUA_LOCAL_GRACE_MS 1000u

/* Outcome of a library function. 0 is success, everything else is negative. */
typedef enum {
    THIDUA_OK = 0,
    THIDUA_E_INVALID = -1,   /* bad argument, or API misuse */
    THIDUA_E_NOMEM = -2,     /* out of memory */
    THIDUA_E_RESOLVE = -3,   /* host name lookup failed */
    THIDUA_E_CONNECT = -4,   /* TCP connect failed */
    THIDUA_E_IO = -5,        /* read/write failed, or the server closed the connection */
    THIDUA_E_TIMEOUT = -6,   /* a local timer expired */
    THIDUA_E_PROTOCOL = -7,  /* the server broke the protocol; error.rule says which rule */
    THIDUA_E_GOAWAY = -8,    /* the server refused the handshake, or closed, with a GoAway */
    THIDUA_E_CLOSED = -9,    /* the connection takes no new calls (GoAway received, or closed) */
    THIDUA_E_LIMIT = -10,    /* the call would break a limit of the server (frame size, calls) */
    THIDUA_E_NEED_MORE = -11 /* thidua_frame_parse() only: no complete frame in the buffer yet */
} thidua_result;

/* Status codes of §6 (the numbers of thidua.wire.v1.StatusCode / gRPC). */
enum {
    THIDUA_CODE_OK = 0, THIDUA_CODE_CANCELLED = 1, THIDUA_CODE_UNKNOWN = 2,
    THIDUA_CODE_INVALID_ARGUMENT = 3, THIDUA_CODE_DEADLINE_EXCEEDED = 4,
    THIDUA_CODE_NOT_FOUND = 5, THIDUA_CODE_ALREADY_EXISTS = 6,
    THIDUA_CODE_PERMISSION_DENIED = 7, THIDUA_CODE_RESOURCE_EXHAUSTED = 8,
    THIDUA_CODE_FAILED_PRECONDITION = 9, THIDUA_CODE_ABORTED = 10,
    THIDUA_CODE_OUT_OF_RANGE = 11, THIDUA_CODE_UNIMPLEMENTED = 12, THIDUA_CODE_INTERNAL = 13,
    THIDUA_CODE_UNAVAILABLE = 14, THIDUA_CODE_DATA_LOSS = 15, THIDUA_CODE_UNAUTHENTICATED = 16
};

/* An error: fixed-size, nothing to free. For a GoAway (kind THIDUA_E_GOAWAY, or the GoAway a
 * connection received) code/name/message/rule/field are the GoAway's (rule and field from
 * details[0]). For a protocol violation by the server, rule names the broken rule of §9 and code
 * is the code §9 gives it. Otherwise code is the status a call ends with because of this error. */
typedef struct {
    thidua_result kind;
    int code;            /* a status code (§6); -1 when none applies */
    char name[24];       /* the code's name ("RESOURCE_EXHAUSTED"), "" when none */
    char message[256];   /* text for people (truncated if longer) */
    char rule[96];       /* stable rule id ("frame.max_bytes"), "" when none */
    char field[96];      /* offending field, "" when none */
    int sys_errno;       /* errno of a failed system call, else 0 */
} thidua_error;

typedef struct {
    char *field;        /* never NULL once filled; "" when empty */
    char *rule;
    char *description;
} thidua_detail;

/* The end of a call (§4): the server's CallStatus, or one the client made up (local = 1) when the
 * call could not end normally: connection closed (UNAVAILABLE, §8), local timer expired
 * (DEADLINE_EXCEEDED), call above a GoAway's last_call_id (UNAVAILABLE, never ran), a local
 * limit check (RESOURCE_EXHAUSTED). */
typedef struct {
    uint64_t call_id;      /* 0 when the call never got an id */
    int code;              /* 0..16; a code unknown to this client reads as UNKNOWN (2), §6 */
    int wire_code;         /* the value as received */
    const char *name;      /* static name of `code`, never NULL once filled */
    char *message;         /* never NULL once filled */
    size_t n_details;
    thidua_detail *details;
    int local;             /* 1 when made up by the client, 0 when sent by the server */
} thidua_status;

#define THIDUA_STATUS_INIT {0, 0, 0, NULL, NULL, 0, NULL, 0}

/* Frees the strings a status owns and zeroes it. NULL and zeroed statuses are fine. */
void thidua_status_clear(thidua_status *status);
/* The rule of details[0], or "" (never NULL). */
const char *thidua_status_rule(const thidua_status *status);
/* The §6 name of a code; unknown codes give "UNKNOWN". Static string. */
const char *thidua_status_name(int code);
/* A short name for a thidua_result ("THIDUA_E_IO"). Static string. */
const char *thidua_result_name(thidua_result r);

typedef struct thidua_conn thidua_conn;
typedef struct thidua_call thidua_stream;

typedef struct {
    const char *client_name;       /* ClientHello.client_name; NULL = "" */
    const char *api_key;           /* ClientHello.api_key; NULL = "" */
    uint32_t connect_timeout_ms;   /* 0 = 10000 */
    uint32_t handshake_timeout_ms; /* wait for ServerHello; 0 = 10000 */
    uint32_t max_recv_frame_bytes; /* largest frame accepted from the server; 0 = 4 MiB. After the
                                      handshake the larger of this and Limits.max_frame_bytes. */
    uint32_t protocol_version;     /* 0 = THIDUA_PROTOCOL_VERSION; other values are for tests */
    const char *accept_language;   /* ClientHello.accept_language: the language of refusals, such
                                      as "vi" (PROTOCOL.md §2.1); NULL = "" = English. The
                                      server's choice is thidua_server_hello(conn)->language. */
} thidua_connect_options;

/* Connects over TCP and does the handshake (§2). On success *conn is set and THIDUA_OK returned.
 * On failure *conn is NULL and *err (if not NULL) says why; a GoAway refusal gives
 * THIDUA_E_GOAWAY with its code, name, message, rule and field. */
thidua_result thidua_connect(const char *host, uint16_t port, const char *client_name,
                             const char *api_key, thidua_conn **conn, thidua_error *err);
thidua_result thidua_connect_ex(const char *host, uint16_t port,
                                const thidua_connect_options *options, thidua_conn **conn,
                                thidua_error *err);
/* The handshake over a socket the caller already connected. The library takes ownership of fd
 * (closes it on failure, and in thidua_close()); it makes it non-blocking. */
thidua_result thidua_connect_fd(int fd, const thidua_connect_options *options, thidua_conn **conn,
                                thidua_error *err);

/* Closes the socket and frees the connection. Calls still in flight end with a local UNAVAILABLE
 * status; stream handles stay valid until thidua_stream_free(). NULL is fine. */
void thidua_close(thidua_conn *conn);

/* The error of the last failing function on this connection (kind THIDUA_OK if none). */
const thidua_error *thidua_last_error(const thidua_conn *conn);
/* The ServerHello of the handshake (protocol_version, server_version, limits, services). */
const Thidua__Wire__V1__ServerHello *thidua_server_hello(const thidua_conn *conn);
/* 1 when the ServerHello lists the fully qualified service name. */
int thidua_has_service(const thidua_conn *conn, const char *service);
/* 1 when new calls may be started (no GoAway received, connection not closed). */
int thidua_is_open(const thidua_conn *conn);
/* 1 when the server sent a GoAway; then fills *last_call_id and *goaway (either may be NULL). */
int thidua_goaway(const thidua_conn *conn, uint64_t *last_call_id, thidua_error *goaway);

/* A metadata entry of a Request (§3); keys are lower-case. */
typedef struct {
    const char *key;
    const char *value;
} thidua_metadata;

typedef struct {
    uint32_t timeout_ms;              /* Request.timeout_ms; 0 = no deadline, no local timer */
    const thidua_metadata *metadata;  /* n_metadata entries, may be NULL */
    size_t n_metadata;
} thidua_call_options;

/* A unary call (§4). method is "package.Service/Method"; request (request_len bytes, may be NULL
 * when 0) is the encoded request message.
 * Returns THIDUA_OK when the server ended the call, whatever its code: *status holds its
 * CallStatus, and when status->code is OK *response (malloc, caller frees) holds the encoded
 * response message. Returns a negative thidua_result when the call could not complete (connection
 * lost, local timer, GoAway, limits): *status then holds a local status (status->local = 1) and
 * thidua_last_error() has the details. *response is NULL and *response_len 0 unless the code is
 * OK. status may be NULL (not recommended); response/response_len may be NULL to ignore it. */
thidua_result thidua_call_unary(thidua_conn *conn, const char *method, const uint8_t *request,
                                size_t request_len, uint32_t timeout_ms, uint8_t **response,
                                size_t *response_len, thidua_status *status);
thidua_result thidua_call_unary_ex(thidua_conn *conn, const char *method, const uint8_t *request,
                                   size_t request_len, const thidua_call_options *options,
                                   uint8_t **response, size_t *response_len,
                                   thidua_status *status);

/* Server-streaming calls, pull style.
 * thidua_stream_begin() sends the Request. On failure *stream is NULL and nothing needs freeing
 * (thidua_last_error() says why). */
thidua_result thidua_stream_begin(thidua_conn *conn, const char *method, const uint8_t *request,
                                  size_t request_len, uint32_t timeout_ms,
                                  thidua_stream **stream);
thidua_result thidua_stream_begin_ex(thidua_conn *conn, const char *method,
                                     const uint8_t *request, size_t request_len,
                                     const thidua_call_options *options, thidua_stream **stream);
/* Waits for the next event of the stream. Returns
 *    1  a message: *message (malloc, caller frees) and *message_len are set;
 *    0  the call ended: *status is filled (the server's CallStatus, or a local one);
 *   <0  misuse (NULL arguments, or the end was already returned). */
int thidua_stream_next(thidua_stream *stream, uint8_t **message, size_t *message_len,
                       thidua_status *status);
/* Sends Cancel (§5) once; keep calling thidua_stream_next() until it returns 0 (usually with
 * CANCELLED, or the status the call had already reached). */
thidua_result thidua_stream_cancel(thidua_stream *stream);
/* The call id of the stream. */
uint64_t thidua_stream_call_id(const thidua_stream *stream);
/* Releases the handle. If the call has not ended, sends Cancel; its later frames are dropped.
 * NULL is fine. */
void thidua_stream_free(thidua_stream *stream);

/* Server-streaming calls, push style: the callback sees every message (owned by the library,
 * valid during the callback); returning non-zero cancels the call (its remaining messages are
 * dropped). Return value and *status as for thidua_call_unary(). */
typedef int (*thidua_message_cb)(void *user, const uint8_t *message, size_t message_len);
thidua_result thidua_call_stream(thidua_conn *conn, const char *method, const uint8_t *request,
                                 size_t request_len, uint32_t timeout_ms, thidua_message_cb cb,
                                 void *user, thidua_status *status);

/* Sends ping{opaque} and waits for the matching pong (§7). timeout_ms 0 = 10000. rtt_us may be
 * NULL. */
thidua_result thidua_ping(thidua_conn *conn, uint32_t timeout_ms, uint64_t *rtt_us);

/* ---- Low-level framing (§1), shared by the connection code and the tests ---- */

/* Checks a frame's length header against max_body before anything is allocated or read:
 * THIDUA_OK, or THIDUA_E_PROTOCOL with rule frame.max_bytes (RESOURCE_EXHAUSTED). */
thidua_result thidua_frame_check_length(uint32_t length, uint32_t max_body, thidua_error *err);
/* Decodes a frame body: THIDUA_OK and *frame (free with thidua_frame_free()), or
 * THIDUA_E_PROTOCOL with rule frame.decode (not a Frame) or frame.kind (no known kind set), both
 * INVALID_ARGUMENT. */
thidua_result thidua_frame_decode(const uint8_t *body, size_t len,
                                  Thidua__Wire__V1__Frame **frame, thidua_error *err);
/* Reads one frame from the start of buf: THIDUA_OK with *frame and *consumed (header + body),
 * THIDUA_E_NEED_MORE when buf holds no complete frame yet (the header is checked as soon as its
 * 4 bytes are there), or THIDUA_E_PROTOCOL as above. */
thidua_result thidua_frame_parse(const uint8_t *buf, size_t len, uint32_t max_body,
                                 size_t *consumed, Thidua__Wire__V1__Frame **frame,
                                 thidua_error *err);
/* Encodes a frame with its 4-byte length: a malloc buffer (caller frees), or NULL (no memory). */
uint8_t *thidua_frame_encode(const Thidua__Wire__V1__Frame *frame, size_t *len);
void thidua_frame_free(Thidua__Wire__V1__Frame *frame);

#ifdef __cplusplus
}
#endif

#endif /* THIDUA_H */
