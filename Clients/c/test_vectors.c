/*
 * test_vectors.c - checks every vector of Tests/vectors/frames.txt against the C client.
 *
 *   test_vectors [PATH_TO_frames.txt]      (default: ../../Tests/vectors/frames.txt, or
 *                                           $THIDUA_VECTORS)
 *
 * 1. Valid vectors: the frame reader accepts the bytes (length header = body size), protobuf-c
 *    decodes the Frame, every listed field matches by its path, every field set in the frame is
 *    listed (a vector that breaks this is reported as a defect of the vector file), and
 *    re-encoding gives exactly the same bytes.
 * 2. Invalid vectors: thidua_frame_parse() refuses them with the named rule and code, both in
 *    memory and through the connection's socket reader (a fake server sends the bytes).
 * 3. Self-checks: every single-byte change of a valid vector, and every changed expectation,
 *    makes the checker fail.
 * 4. The client's own frames equal the vectors byte for byte (a fake server over a socketpair
 *    compares what the client sends: ClientHello, Request, Cancel, Ping, Pong), and the client
 *    reads the server-side vectors (ServerHello, Response, CallStatus, Ping, GoAway).
 */
#define _POSIX_C_SOURCE 200809L

#include <errno.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "thidua.h"
#include "thidua/host/v1/echo.pb-c.h"
#include "test_util.h"

/* ------------------------------------------------------------------------------------------ */
/* The vector file                                                                             */

typedef struct {
    char *path;
    char *value; /* "" when the line ends after PATH */
} field_line;

typedef struct {
    char *name;
    char *direction;
    uint8_t *bytes;
    size_t len;
    field_line *fields;
    size_t n_fields;
    char *refuse_rule; /* NULL for a valid vector */
    char *refuse_code;
    int incomplete;    /* set fields the vector does not list (a defect of the file) */
} vector;

static vector *vectors;
static size_t n_vectors;

static char *xstrdup(const char *s)
{
    size_t n = strlen(s) + 1;
    char *d = malloc(n);
    if (!d) abort();
    memcpy(d, s, n);
    return d;
}

static int hexval(int c)
{
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

static int parse_hex(const char *s, uint8_t **out, size_t *len)
{
    size_t n = strlen(s);
    if (n % 2) return -1;
    uint8_t *b = malloc(n / 2 ? n / 2 : 1);
    if (!b) abort();
    for (size_t i = 0; i < n / 2; i++) {
        int hi = hexval(s[2 * i]), lo = hexval(s[2 * i + 1]);
        if (hi < 0 || lo < 0) {
            free(b);
            return -1;
        }
        b[i] = (uint8_t)(hi << 4 | lo);
    }
    *out = b;
    *len = n / 2;
    return 0;
}

static void free_vectors(void)
{
    for (size_t i = 0; i < n_vectors; i++) {
        vector *v = &vectors[i];
        free(v->name);
        free(v->direction);
        free(v->bytes);
        for (size_t j = 0; j < v->n_fields; j++) {
            free(v->fields[j].path);
            free(v->fields[j].value);
        }
        free(v->fields);
        free(v->refuse_rule);
        free(v->refuse_code);
    }
    free(vectors);
    vectors = NULL;
    n_vectors = 0;
}

/* Returns 0, or -1 with a message on stderr. */
static int load_vectors(const char *path)
{
    FILE *f = fopen(path, "r");
    if (!f) {
        fprintf(stderr, "cannot open %s: %s\n", path, strerror(errno));
        return -1;
    }
    char *line = NULL;
    size_t cap = 0;
    ssize_t got;
    int lineno = 0, bad = 0;
    vector *cur = NULL;
    while ((got = getline(&line, &cap, f)) >= 0) {
        lineno++;
        while (got > 0 && (line[got - 1] == '\n' || line[got - 1] == '\r')) line[--got] = '\0';
        if (got == 0 || line[0] == '#') continue;
        char *sp = strchr(line, ' ');
        size_t kw = sp ? (size_t)(sp - line) : strlen(line);
        const char *rest = sp ? sp + 1 : "";
#define KW(s) (kw == strlen(s) && strncmp(line, s, kw) == 0)
        if (KW("vector")) {
            if (cur) {
                fprintf(stderr, "%s:%d: vector inside vector\n", path, lineno);
                bad = 1;
            }
            vector *nv = realloc(vectors, (n_vectors + 1) * sizeof *nv);
            if (!nv) abort();
            vectors = nv;
            cur = &vectors[n_vectors++];
            memset(cur, 0, sizeof *cur);
            cur->name = xstrdup(rest);
        } else if (!cur) {
            fprintf(stderr, "%s:%d: line outside a vector\n", path, lineno);
            bad = 1;
        } else if (KW("note")) {
            /* for people */
        } else if (KW("direction")) {
            free(cur->direction);
            cur->direction = xstrdup(rest);
        } else if (KW("hex")) {
            free(cur->bytes);
            cur->bytes = NULL;
            if (parse_hex(rest, &cur->bytes, &cur->len) != 0) {
                fprintf(stderr, "%s:%d: bad hex\n", path, lineno);
                bad = 1;
            }
        } else if (KW("field")) {
            const char *p = rest;
            const char *e = strchr(p, ' ');
            field_line fl;
            fl.path = e ? strndup(p, (size_t)(e - p)) : xstrdup(p);
            fl.value = xstrdup(e ? e + 1 : "");
            if (!fl.path) abort();
            field_line *nf = realloc(cur->fields, (cur->n_fields + 1) * sizeof *nf);
            if (!nf) abort();
            cur->fields = nf;
            cur->fields[cur->n_fields++] = fl;
        } else if (KW("refuse")) {
            char rule[128], code[64];
            if (sscanf(rest, "%127s %63s", rule, code) != 2) {
                fprintf(stderr, "%s:%d: refuse needs RULE CODE\n", path, lineno);
                bad = 1;
            } else {
                cur->refuse_rule = xstrdup(rule);
                cur->refuse_code = xstrdup(code);
            }
        } else if (KW("end")) {
            if (!cur->bytes || !cur->direction) {
                fprintf(stderr, "%s:%d: vector %s lacks hex or direction\n", path, lineno,
                        cur->name);
                bad = 1;
            }
            cur = NULL;
        } else {
            fprintf(stderr, "%s:%d: unknown line\n", path, lineno);
            bad = 1;
        }
#undef KW
    }
    free(line);
    fclose(f);
    if (cur) {
        fprintf(stderr, "%s: the last vector has no end\n", path);
        bad = 1;
    }
    return bad ? -1 : 0;
}

static const vector *find_vector(const char *name)
{
    for (size_t i = 0; i < n_vectors; i++)
        if (strcmp(vectors[i].name, name) == 0) return &vectors[i];
    return NULL;
}

static const char *field_value(const vector *v, const char *path)
{
    for (size_t i = 0; i < v->n_fields; i++)
        if (strcmp(v->fields[i].path, path) == 0) return v->fields[i].value;
    return NULL;
}

/* ------------------------------------------------------------------------------------------ */
/* Field access by path, through protobuf-c's descriptors                                      */

typedef struct {
    char buf[4096];
    int is_default; /* unset, zero or empty */
} value_text;

static void bytes_text(value_text *out, const ProtobufCBinaryData *b)
{
    size_t o = (size_t)snprintf(out->buf, sizeof out->buf, "hex:");
    for (size_t i = 0; i < b->len && o + 3 < sizeof out->buf; i++)
        o += (size_t)snprintf(out->buf + o, sizeof out->buf - o, "%02x", b->data[i]);
    out->is_default = b->len == 0;
}

/* The text of a singular value of field fd stored at p, in the vector format. */
static void scalar_text(const ProtobufCFieldDescriptor *fd, const void *p, value_text *out)
{
    out->buf[0] = '\0';
    switch (fd->type) {
    case PROTOBUF_C_TYPE_INT32: case PROTOBUF_C_TYPE_SINT32: case PROTOBUF_C_TYPE_SFIXED32: {
        int32_t v = *(const int32_t *)p;
        snprintf(out->buf, sizeof out->buf, "%ld", (long)v);
        out->is_default = v == 0;
        break;
    }
    case PROTOBUF_C_TYPE_UINT32: case PROTOBUF_C_TYPE_FIXED32: {
        uint32_t v = *(const uint32_t *)p;
        snprintf(out->buf, sizeof out->buf, "%lu", (unsigned long)v);
        out->is_default = v == 0;
        break;
    }
    case PROTOBUF_C_TYPE_INT64: case PROTOBUF_C_TYPE_SINT64: case PROTOBUF_C_TYPE_SFIXED64: {
        int64_t v = *(const int64_t *)p;
        snprintf(out->buf, sizeof out->buf, "%lld", (long long)v);
        out->is_default = v == 0;
        break;
    }
    case PROTOBUF_C_TYPE_UINT64: case PROTOBUF_C_TYPE_FIXED64: {
        uint64_t v = *(const uint64_t *)p;
        snprintf(out->buf, sizeof out->buf, "%llu", (unsigned long long)v);
        out->is_default = v == 0;
        break;
    }
    case PROTOBUF_C_TYPE_BOOL: {
        protobuf_c_boolean v = *(const protobuf_c_boolean *)p;
        snprintf(out->buf, sizeof out->buf, "%s", v ? "true" : "false");
        out->is_default = !v;
        break;
    }
    case PROTOBUF_C_TYPE_FLOAT:
        snprintf(out->buf, sizeof out->buf, "%.9g", (double)*(const float *)p);
        out->is_default = *(const float *)p == 0;
        break;
    case PROTOBUF_C_TYPE_DOUBLE:
        snprintf(out->buf, sizeof out->buf, "%.17g", *(const double *)p);
        out->is_default = *(const double *)p == 0;
        break;
    case PROTOBUF_C_TYPE_ENUM: {
        int v = *(const int *)p;
        const ProtobufCEnumValue *ev =
            protobuf_c_enum_descriptor_get_value((const ProtobufCEnumDescriptor *)fd->descriptor,
                                                 v);
        if (ev) snprintf(out->buf, sizeof out->buf, "%s", ev->name);
        else snprintf(out->buf, sizeof out->buf, "%d", v);
        out->is_default = v == 0;
        break;
    }
    case PROTOBUF_C_TYPE_STRING: {
        const char *s = *(char *const *)p;
        snprintf(out->buf, sizeof out->buf, "%s", s ? s : "");
        out->is_default = !s || !*s;
        break;
    }
    case PROTOBUF_C_TYPE_BYTES:
        bytes_text(out, (const ProtobufCBinaryData *)p);
        break;
    case PROTOBUF_C_TYPE_MESSAGE:
        snprintf(out->buf, sizeof out->buf, "<message>");
        out->is_default = *(ProtobufCMessage *const *)p == NULL;
        break;
    }
}

static size_t type_size(ProtobufCType t)
{
    switch (t) {
    case PROTOBUF_C_TYPE_INT32: case PROTOBUF_C_TYPE_SINT32: case PROTOBUF_C_TYPE_SFIXED32:
    case PROTOBUF_C_TYPE_UINT32: case PROTOBUF_C_TYPE_FIXED32: return 4;
    case PROTOBUF_C_TYPE_INT64: case PROTOBUF_C_TYPE_SINT64: case PROTOBUF_C_TYPE_SFIXED64:
    case PROTOBUF_C_TYPE_UINT64: case PROTOBUF_C_TYPE_FIXED64: return 8;
    case PROTOBUF_C_TYPE_BOOL: return sizeof(protobuf_c_boolean);
    case PROTOBUF_C_TYPE_FLOAT: return 4;
    case PROTOBUF_C_TYPE_DOUBLE: return 8;
    case PROTOBUF_C_TYPE_ENUM: return sizeof(int);
    case PROTOBUF_C_TYPE_STRING: return sizeof(char *);
    case PROTOBUF_C_TYPE_BYTES: return sizeof(ProtobufCBinaryData);
    case PROTOBUF_C_TYPE_MESSAGE: return sizeof(ProtobufCMessage *);
    }
    return 0;
}

static int is_map_entry(const ProtobufCFieldDescriptor *fd)
{
    if (fd->type != PROTOBUF_C_TYPE_MESSAGE || fd->label != PROTOBUF_C_LABEL_REPEATED) return 0;
    const ProtobufCMessageDescriptor *d = fd->descriptor;
    size_t nl = strlen(d->name);
    return d->n_fields == 2 && strcmp(d->fields[0].name, "key") == 0 &&
           strcmp(d->fields[1].name, "value") == 0 && nl > 5 &&
           strcmp(d->name + nl - 5, "Entry") == 0;
}

/* Is this singular field of msg set (for a oneof member: is it the chosen one)? */
static int oneof_chosen(const ProtobufCMessage *msg, const ProtobufCFieldDescriptor *fd)
{
    if (!(fd->flags & PROTOBUF_C_FIELD_FLAG_ONEOF)) return 1;
    uint32_t which = *(const uint32_t *)((const char *)msg + fd->quantifier_offset);
    return which == fd->id;
}

/* Resolves PATH in msg. Returns 0 with *out filled (is_default for anything unset), or -1 when
 * the path does not name a field of the schema. */
static int resolve(const ProtobufCMessage *msg, const char *path, value_text *out)
{
    char token[256];
    const char *p = path;
    const ProtobufCMessageDescriptor *desc = msg ? msg->descriptor : NULL;
    for (;;) {
        const char *dot = strchr(p, '.');
        size_t tl = dot ? (size_t)(dot - p) : strlen(p);
        if (tl == 0 || tl >= sizeof token) return -1;
        memcpy(token, p, tl);
        token[tl] = '\0';
        char *sub = strchr(token, '[');
        char key[256] = "";
        if (sub) {
            char *close = strchr(sub, ']');
            if (!close || close[1] != '\0') return -1;
            *close = '\0';
            snprintf(key, sizeof key, "%s", sub + 1);
            *sub = '\0';
        }
        if (!desc) return -1;
        const ProtobufCFieldDescriptor *fd =
            protobuf_c_message_descriptor_get_field_by_name(desc, token);
        if (!fd) return -1;
        int last = dot == NULL;
        const void *elem = NULL; /* where the value lives, NULL = unset */
        const ProtobufCFieldDescriptor *vfd = fd;

        if (fd->label == PROTOBUF_C_LABEL_REPEATED) {
            if (!sub) return -1; /* a repeated field needs [N] or [KEY] */
            size_t n = msg ? *(const size_t *)((const char *)msg + fd->quantifier_offset) : 0;
            const char *arr = msg ? *(char *const *)((const char *)msg + fd->offset) : NULL;
            if (is_map_entry(fd)) {
                const ProtobufCMessageDescriptor *ed = fd->descriptor;
                const ProtobufCFieldDescriptor *kfd = &ed->fields[0];
                vfd = &ed->fields[1];
                for (size_t i = 0; i < n; i++) {
                    const ProtobufCMessage *entry = ((ProtobufCMessage *const *)arr)[i];
                    value_text kt;
                    scalar_text(kfd, (const char *)entry + kfd->offset, &kt);
                    if (strcmp(kt.buf, key) == 0) elem = (const char *)entry + vfd->offset;
                }
            } else {
                char *end;
                unsigned long idx = strtoul(key, &end, 10);
                if (!*key || *end) return -1;
                if (idx < n) elem = arr + idx * type_size(fd->type);
            }
        } else {
            if (sub) return -1;
            if (msg && oneof_chosen(msg, fd)) elem = (const char *)msg + fd->offset;
        }

        if (last) {
            if (elem) scalar_text(vfd, elem, out);
            else {
                out->buf[0] = '\0';
                out->is_default = 1;
            }
            return 0;
        }
        if (vfd->type != PROTOBUF_C_TYPE_MESSAGE) return -1;
        msg = elem ? *(ProtobufCMessage *const *)elem : NULL;
        desc = vfd->descriptor;
        p = dot + 1;
    }
}

/* Lists, into *paths, every field set in msg (non-default scalars, repeated elements, map
 * entries by key, unknown fields). */
typedef struct {
    char **items;
    size_t n;
} path_list;

static void add_path(path_list *l, const char *s)
{
    char **ni = realloc(l->items, (l->n + 1) * sizeof *ni);
    if (!ni) abort();
    l->items = ni;
    l->items[l->n++] = xstrdup(s);
}

static void free_paths(path_list *l)
{
    for (size_t i = 0; i < l->n; i++) free(l->items[i]);
    free(l->items);
    l->items = NULL;
    l->n = 0;
}

static void set_fields(const ProtobufCMessage *msg, const char *prefix, path_list *out)
{
    const ProtobufCMessageDescriptor *d = msg->descriptor;
    char path[512];
    for (unsigned i = 0; i < d->n_fields; i++) {
        const ProtobufCFieldDescriptor *fd = &d->fields[i];
        if (fd->label == PROTOBUF_C_LABEL_REPEATED) {
            size_t n = *(const size_t *)((const char *)msg + fd->quantifier_offset);
            const char *arr = *(char *const *)((const char *)msg + fd->offset);
            for (size_t k = 0; k < n; k++) {
                if (is_map_entry(fd)) {
                    const ProtobufCMessage *entry = ((ProtobufCMessage *const *)arr)[k];
                    const ProtobufCMessageDescriptor *ed = fd->descriptor;
                    value_text kt;
                    scalar_text(&ed->fields[0], (const char *)entry + ed->fields[0].offset, &kt);
                    snprintf(path, sizeof path, "%s%s[%.200s]", prefix, fd->name, kt.buf);
                    add_path(out, path);
                } else if (fd->type == PROTOBUF_C_TYPE_MESSAGE) {
                    snprintf(path, sizeof path, "%s%s[%zu].", prefix, fd->name, k);
                    set_fields(((ProtobufCMessage *const *)arr)[k], path, out);
                } else {
                    snprintf(path, sizeof path, "%s%s[%zu]", prefix, fd->name, k);
                    add_path(out, path);
                }
            }
            continue;
        }
        if (!oneof_chosen(msg, fd)) continue;
        const void *p = (const char *)msg + fd->offset;
        if (fd->type == PROTOBUF_C_TYPE_MESSAGE) {
            const ProtobufCMessage *sub = *(ProtobufCMessage *const *)p;
            if (!sub) continue;
            snprintf(path, sizeof path, "%s%s.", prefix, fd->name);
            size_t before = out->n;
            set_fields(sub, path, out);
            if (out->n == before) { /* an empty message that is present */
                snprintf(path, sizeof path, "%s%s", prefix, fd->name);
                add_path(out, path);
            }
            continue;
        }
        value_text t;
        scalar_text(fd, p, &t);
        if (!t.is_default) {
            snprintf(path, sizeof path, "%s%s", prefix, fd->name);
            add_path(out, path);
        }
    }
    for (size_t i = 0; i < msg->n_unknown_fields; i++) {
        snprintf(path, sizeof path, "%s<unknown field %u>", prefix,
                 (unsigned)msg->unknown_fields[i].tag);
        add_path(out, path);
    }
}

/* ------------------------------------------------------------------------------------------ */
/* Checking one vector                                                                         */

/* The frame limit a receiver applies to this vector. Each vector stands alone on a fresh
 * connection: a client's frame is the first frame the server reads (64 KiB, §1); for frames a
 * server sends, the spec names no first-frame limit, so the 4 MiB default applies. */
static uint32_t limit_for(const vector *v)
{
    return strcmp(v->direction, "client") == 0 ? THIDUA_FIRST_FRAME_MAX_BYTES
                                               : THIDUA_DEFAULT_MAX_FRAME_BYTES;
}

/* Checks bytes against the expectations of v. Returns 0 when they hold, else -1 with a reason.
 * *unlisted (may be NULL) receives the set fields the vector does not list. */
static int check_vector(const vector *v, const uint8_t *bytes, size_t len, const field_line *fields,
                        size_t n_fields, char *why, size_t whylen, path_list *unlisted)
{
    thidua_error err;
    memset(&err, 0, sizeof err);
    size_t consumed = 0;
    Thidua__Wire__V1__Frame *f = NULL;
    thidua_result r = thidua_frame_parse(bytes, len, limit_for(v), &consumed, &f, &err);

    if (v->refuse_rule) {
        if (f) thidua_frame_free(f);
        if (r == THIDUA_OK) {
            snprintf(why, whylen, "accepted, expected refusal %s", v->refuse_rule);
            return -1;
        }
        if (r == THIDUA_E_NEED_MORE) {
            snprintf(why, whylen, "incomplete frame, expected refusal %s", v->refuse_rule);
            return -1;
        }
        if (strcmp(err.rule, v->refuse_rule) != 0 || strcmp(err.name, v->refuse_code) != 0) {
            snprintf(why, whylen, "refused with %s %s, expected %s %s", err.rule, err.name,
                     v->refuse_rule, v->refuse_code);
            return -1;
        }
        return 0;
    }

    if (r != THIDUA_OK) {
        snprintf(why, whylen, "not accepted: %s %s (%s)", thidua_result_name(r), err.rule,
                 err.message);
        return -1;
    }
    int rc = 0;
    if (consumed != len) {
        snprintf(why, whylen, "%zu bytes after the frame", len - consumed);
        rc = -1;
    }
    for (size_t i = 0; rc == 0 && i < n_fields; i++) {
        value_text t;
        if (resolve(&f->base, fields[i].path, &t) != 0) {
            snprintf(why, whylen, "no field %s in the schema", fields[i].path);
            rc = -1;
        } else if (fields[i].value[0] == '\0' ? !t.is_default
                                              : strcmp(t.buf, fields[i].value) != 0) {
            snprintf(why, whylen, "%s is \"%.200s\", expected \"%.200s\"", fields[i].path,
                     t.is_default && fields[i].value[0] ? "(unset)" : t.buf, fields[i].value);
            rc = -1;
        }
    }
    if (rc == 0) {
        size_t n;
        uint8_t *again = thidua_frame_encode(f, &n);
        if (!again || n != len || memcmp(again, bytes, len) != 0) {
            snprintf(why, whylen, "re-encoding gives other bytes");
            rc = -1;
        }
        free(again);
    }
    if (rc == 0 && unlisted) {
        path_list all = {0};
        set_fields(&f->base, "", &all);
        for (size_t i = 0; i < all.n; i++) {
            int listed = 0;
            for (size_t k = 0; k < n_fields; k++)
                if (strcmp(fields[k].path, all.items[i]) == 0) listed = 1;
            if (!listed) add_path(unlisted, all.items[i]);
        }
        free_paths(&all);
    }
    thidua_frame_free(f);
    return rc;
}

static void test_vector_file(void)
{
    CHECK(n_vectors > 0, "the vector file holds no vector");
    for (size_t i = 0; i < n_vectors; i++) {
        vector *v = &vectors[i];
        char why[600] = "";
        path_list unlisted = {0};
        int ok = check_vector(v, v->bytes, v->len, v->fields, v->n_fields, why, sizeof why,
                              &unlisted) == 0;
        CHECK(ok, "vector %s: %s", v->name, why);
        CHECK(strcmp(v->direction, "client") == 0 || strcmp(v->direction, "server") == 0,
              "vector %s: direction %s", v->name, v->direction);
        if (!v->refuse_rule) CHECK(v->n_fields > 0, "vector %s lists no field", v->name);
        for (size_t k = 0; k < unlisted.n; k++) {
            v->incomplete = 1;
            printf("WARNING vector %s: field %s is set in the frame but not listed (the file's "
                   "header says every set field is listed)\n",
                   v->name, unlisted.items[k]);
        }
        free_paths(&unlisted);
        /* Valid frames fit the limits a receiver applies. */
        if (!v->refuse_rule) CHECK(v->len - 4 <= limit_for(v), "vector %s too big", v->name);
    }
}

/* Self-check: the checker must notice every change. */
static void test_mutations(void)
{
    static const uint8_t masks[] = {0x01, 0x80};
    size_t undetected_incomplete = 0;
    for (size_t i = 0; i < n_vectors; i++) {
        const vector *v = &vectors[i];
        char why[600];
        uint8_t *copy = malloc(v->len + 1);
        if (!copy) abort();
        if (!v->refuse_rule) {
            size_t missed = 0, first_missed = 0;
            for (size_t b = 0; b < v->len; b++) {
                for (size_t m = 0; m < sizeof masks; m++) {
                    memcpy(copy, v->bytes, v->len);
                    copy[b] ^= masks[m];
                    if (check_vector(v, copy, v->len, v->fields, v->n_fields, why, sizeof why,
                                     NULL) == 0) {
                        if (!missed) first_missed = b;
                        missed++;
                    }
                }
            }
            if (missed && v->incomplete) {
                undetected_incomplete += missed;
                printf("WARNING vector %s: %zu byte changes (first at byte %zu) go unnoticed "
                       "because the vector does not list every set field\n",
                       v->name, missed, first_missed);
            } else {
                CHECK(missed == 0, "vector %s: %zu byte changes go unnoticed (first at byte %zu)",
                      v->name, missed, first_missed);
            }
            /* A byte more, a byte less. */
            memcpy(copy, v->bytes, v->len);
            copy[v->len] = 0;
            CHECK(check_vector(v, copy, v->len + 1, v->fields, v->n_fields, why, sizeof why,
                               NULL) != 0,
                  "vector %s: a trailing byte goes unnoticed", v->name);
            CHECK(check_vector(v, copy, v->len - 1, v->fields, v->n_fields, why, sizeof why,
                               NULL) != 0,
                  "vector %s: a missing last byte goes unnoticed", v->name);
            /* Every expectation matters: change each listed value. */
            for (size_t k = 0; k < v->n_fields; k++) {
                field_line *alt = malloc(v->n_fields * sizeof *alt);
                if (!alt) abort();
                memcpy(alt, v->fields, v->n_fields * sizeof *alt);
                char changed[4200];
                snprintf(changed, sizeof changed, "%s%s", v->fields[k].value,
                         v->fields[k].value[0] ? "0" : "1");
                alt[k].value = changed;
                CHECK(check_vector(v, v->bytes, v->len, alt, v->n_fields, why, sizeof why,
                                   NULL) != 0,
                      "vector %s: changing the expected %s goes unnoticed", v->name,
                      v->fields[k].path);
                free(alt);
            }
        } else {
            /* A refusal can only depend on the bytes the receiver reads before refusing, so
             * not every byte change alters it (a body after an oversized length header is never
             * read). The checker must still notice a different verdict. */
            vector alt = *v;
            alt.refuse_rule = (char *)(strcmp(v->refuse_rule, "frame.decode") == 0
                                           ? "frame.kind" : "frame.decode");
            CHECK(check_vector(&alt, v->bytes, v->len, NULL, 0, why, sizeof why, NULL) != 0,
                  "vector %s: a different expected rule goes unnoticed", v->name);
            alt = *v;
            alt.refuse_code = (char *)"OK";
            CHECK(check_vector(&alt, v->bytes, v->len, NULL, 0, why, sizeof why, NULL) != 0,
                  "vector %s: a different expected code goes unnoticed", v->name);
            const vector *good = find_vector("client_hello");
            if (good)
                CHECK(check_vector(v, good->bytes, good->len, NULL, 0, why, sizeof why, NULL) != 0,
                      "vector %s: valid bytes go unnoticed", v->name);
            size_t changed = 0;
            for (size_t b = 0; b < v->len; b++) {
                memcpy(copy, v->bytes, v->len);
                copy[b] ^= 0x80;
                if (check_vector(v, copy, v->len, NULL, 0, why, sizeof why, NULL) != 0) changed++;
            }
            printf("info: vector %s: %zu of %zu single-byte changes alter the refusal\n",
                   v->name, changed, v->len);
        }
        free(copy);
    }
    if (undetected_incomplete)
        printf("WARNING %zu byte changes in incompletely listed vectors go unnoticed\n",
               undetected_incomplete);
}

/* ------------------------------------------------------------------------------------------ */
/* Fake server over a socketpair                                                               */

static int read_exact(int fd, uint8_t *buf, size_t n)
{
    size_t got = 0;
    while (got < n) {
        ssize_t k = read(fd, buf + got, n - got);
        if (k < 0 && errno == EINTR) continue;
        if (k <= 0) return -1;
        got += (size_t)k;
    }
    return 0;
}

static int write_all_fd(int fd, const uint8_t *buf, size_t n)
{
    size_t off = 0;
    while (off < n) {
        ssize_t k = write(fd, buf + off, n - off);
        if (k < 0 && errno == EINTR) continue;
        if (k <= 0) return -1;
        off += (size_t)k;
    }
    return 0;
}

/* Reads one frame into a malloc buffer (header included). */
static uint8_t *read_frame(int fd, size_t *len)
{
    uint8_t h[4];
    if (read_exact(fd, h, 4) != 0) return NULL;
    uint32_t n = (uint32_t)h[0] << 24 | (uint32_t)h[1] << 16 | (uint32_t)h[2] << 8 | h[3];
    if (n > THIDUA_DEFAULT_MAX_FRAME_BYTES) return NULL;
    uint8_t *b = malloc(4 + (size_t)n);
    if (!b) return NULL;
    memcpy(b, h, 4);
    if (read_exact(fd, b + 4, n) != 0) {
        free(b);
        return NULL;
    }
    *len = 4 + (size_t)n;
    return b;
}

/* Reads one frame and compares it to a vector's bytes. */
static int expect_vector(int fd, const char *name)
{
    const vector *v = find_vector(name);
    size_t n;
    uint8_t *b = read_frame(fd, &n);
    int ok = v && b && n == v->len && memcmp(b, v->bytes, n) == 0;
    if (!ok) fprintf(stderr, "fake server: the client's frame differs from vector %s\n", name);
    free(b);
    return ok ? 0 : -1;
}

static int send_vector(int fd, const char *name)
{
    const vector *v = find_vector(name);
    return v ? write_all_fd(fd, v->bytes, v->len) : -1;
}

static int send_status(int fd, uint64_t call_id, int code, const uint8_t *payload, size_t n)
{
    Thidua__Wire__V1__CallStatus cs = THIDUA__WIRE__V1__CALL_STATUS__INIT;
    cs.call_id = call_id;
    cs.code = (Thidua__Wire__V1__StatusCode)code;
    cs.payload.data = (uint8_t *)payload;
    cs.payload.len = n;
    Thidua__Wire__V1__Frame f = THIDUA__WIRE__V1__FRAME__INIT;
    f.kind_case = THIDUA__WIRE__V1__FRAME__KIND_STATUS;
    f.status = &cs;
    size_t len;
    uint8_t *b = thidua_frame_encode(&f, &len);
    int rc = b ? write_all_fd(fd, b, len) : -1;
    free(b);
    return rc;
}

static void drain_until_eof(int fd)
{
    uint8_t buf[256];
    while (read(fd, buf, sizeof buf) > 0) {
    }
}

/* Scenario A, server side. Exit codes name the failing step. */
static int script_main(int fd)
{
    if (expect_vector(fd, "client_hello") != 0) return 10;
    const vector *sh = find_vector("server_hello");
    if (!sh) return 11;
    for (size_t i = 0; i < sh->len; i++) /* one byte at a time: frames arrive in pieces */
        if (write_all_fd(fd, sh->bytes + i, 1) != 0) return 11;
    if (expect_vector(fd, "request_unary") != 0) return 12;
    /* Several frames in one write: a ping, a response for a call the client never made, then the
     * answer. */
    const vector *a = find_vector("ping"), *b = find_vector("response"),
                 *c = find_vector("status_ok_unary");
    if (!a || !b || !c) return 13;
    size_t n = a->len + b->len + c->len;
    uint8_t *all = malloc(n);
    if (!all) return 13;
    memcpy(all, a->bytes, a->len);
    memcpy(all + a->len, b->bytes, b->len);
    memcpy(all + a->len + b->len, c->bytes, c->len);
    int w = write_all_fd(fd, all, n);
    free(all);
    if (w != 0) return 13;
    if (expect_vector(fd, "pong") != 0) return 14;
    /* Call 2: refused. */
    size_t len;
    uint8_t *req = read_frame(fd, &len);
    if (!req) return 15;
    Thidua__Wire__V1__Frame *f = thidua__wire__v1__frame__unpack(NULL, len - 4, req + 4);
    free(req);
    int ok = f && f->kind_case == THIDUA__WIRE__V1__FRAME__KIND_REQUEST &&
             f->request->call_id == 2 && strcmp(f->request->method, "x/Y") == 0;
    thidua_frame_free(f);
    if (!ok || send_vector(fd, "status_with_details") != 0) return 15;
    /* Seven pings from the client; the seventh must be the ping vector. */
    for (int i = 1; i <= 7; i++) {
        if (i == 7) {
            if (expect_vector(fd, "ping") != 0) return 16;
        } else {
            uint8_t *p = read_frame(fd, &len);
            if (!p) return 16;
            free(p);
        }
        Thidua__Wire__V1__Ping pg = THIDUA__WIRE__V1__PING__INIT;
        pg.opaque = (uint64_t)i;
        Thidua__Wire__V1__Frame pf = THIDUA__WIRE__V1__FRAME__INIT;
        pf.kind_case = THIDUA__WIRE__V1__FRAME__KIND_PONG;
        pf.pong = &pg;
        uint8_t *out = thidua_frame_encode(&pf, &len);
        int wr = out ? write_all_fd(fd, out, len) : -1;
        free(out);
        if (wr != 0) return 16;
    }
    /* Call 3: a stream the client cancels; then the server goes away. */
    req = read_frame(fd, &len);
    if (!req) return 17;
    free(req);
    if (expect_vector(fd, "cancel") != 0) return 18;
    if (send_vector(fd, "go_away") != 0) return 19;
    shutdown(fd, SHUT_WR);
    drain_until_eof(fd);
    return 0;
}

/* Scenario B: a handshake refused with a GoAway. */
static int script_refuse_hello(int fd)
{
    if (expect_vector(fd, "client_hello_with_key") != 0) return 20;
    if (send_vector(fd, "go_away_error") != 0) return 21;
    shutdown(fd, SHUT_WR);
    drain_until_eof(fd);
    return 0;
}

/* Scenario C: the answer to the ClientHello is an invalid vector. */
static const vector *bad_vector;
static int script_send_bad(int fd)
{
    size_t len;
    uint8_t *h = read_frame(fd, &len);
    if (!h) return 30;
    free(h);
    if (write_all_fd(fd, bad_vector->bytes, bad_vector->len) != 0) return 31;
    shutdown(fd, SHUT_WR);
    drain_until_eof(fd);
    return 0;
}

/* Scenario D: 299 calls, then call 300 with metadata (request_with_metadata). */
static int script_metadata(int fd)
{
    if (expect_vector(fd, "client_hello") != 0) return 40;
    if (send_vector(fd, "server_hello") != 0) return 41;
    for (uint64_t id = 1; id <= 300; id++) {
        if (id == 300) {
            if (expect_vector(fd, "request_with_metadata") != 0) return 42;
        } else {
            size_t len;
            uint8_t *req = read_frame(fd, &len);
            if (!req) return 43;
            Thidua__Wire__V1__Frame *f = thidua__wire__v1__frame__unpack(NULL, len - 4, req + 4);
            free(req);
            int ok = f && f->kind_case == THIDUA__WIRE__V1__FRAME__KIND_REQUEST &&
                     f->request->call_id == id;
            thidua_frame_free(f);
            if (!ok) return 44;
        }
        if (send_status(fd, id, 0, NULL, 0) != 0) return 45;
    }
    drain_until_eof(fd);
    return 0;
}

/* Scenario E: a call the server never answers (local timer, Cancel, late status dropped), an
 * unknown status code, then a frame only a client may send. */
static int script_misbehave(int fd)
{
    if (expect_vector(fd, "client_hello") != 0) return 50;
    if (send_vector(fd, "server_hello") != 0) return 51;
    size_t len;
    uint8_t *b = read_frame(fd, &len); /* call 1: never answered in time */
    if (!b) return 52;
    free(b);
    b = read_frame(fd, &len); /* the client's Cancel{1} when its local timer expires */
    if (!b) return 53;
    Thidua__Wire__V1__Frame *f = thidua__wire__v1__frame__unpack(NULL, len - 4, b + 4);
    free(b);
    int ok = f && f->kind_case == THIDUA__WIRE__V1__FRAME__KIND_CANCEL && f->cancel->call_id == 1;
    thidua_frame_free(f);
    if (!ok) return 53;
    if (send_status(fd, 1, 0, (const uint8_t *)"late", 4) != 0) return 54; /* to be dropped */
    b = read_frame(fd, &len); /* call 2 */
    if (!b) return 55;
    free(b);
    if (send_status(fd, 2, 99, NULL, 0) != 0) return 56; /* a code this version does not know */
    b = read_frame(fd, &len); /* call 3 */
    if (!b) return 57;
    free(b);
    if (send_vector(fd, "request_unary") != 0) return 58; /* client-only frame */
    drain_until_eof(fd);
    return 0;
}

/* Runs script in a child on one end of a socketpair; returns the client's end. */
static int spawn_fake(int (*script)(int), pid_t *pid)
{
    int sv[2];
    if (socketpair(AF_UNIX, SOCK_STREAM, 0, sv) != 0) return -1;
    fflush(NULL);
    pid_t p = fork();
    if (p < 0) {
        close(sv[0]);
        close(sv[1]);
        return -1;
    }
    if (p == 0) {
        close(sv[0]);
        int rc = script(sv[1]);
        close(sv[1]);
        free_vectors();
        _exit(rc);
    }
    close(sv[1]);
    *pid = p;
    return sv[0];
}

static int child_status(pid_t pid)
{
    int st;
    while (waitpid(pid, &st, 0) < 0)
        if (errno != EINTR) return -1;
    return WIFEXITED(st) ? WEXITSTATUS(st) : 128 + (WIFSIGNALED(st) ? WTERMSIG(st) : 0);
}

static void test_fake_server(void)
{
    pid_t pid;
    thidua_error err;
    thidua_conn *conn = NULL;

    /* --- A: the normal flow --- */
    int fd = spawn_fake(script_main, &pid);
    CHECK(fd >= 0, "socketpair/fork");
    if (fd < 0) return;
    thidua_connect_options o = {0};
    o.client_name = "demo";
    thidua_result r = thidua_connect_fd(fd, &o, &conn, &err);
    CHECK(r == THIDUA_OK, "handshake with the fake server: %s %s", thidua_result_name(r),
          err.message);
    if (r == THIDUA_OK) {
        const vector *shv = find_vector("server_hello");
        const Thidua__Wire__V1__ServerHello *h = thidua_server_hello(conn);
        CHECK(h && h->protocol_version == 1, "ServerHello.protocol_version");
        CHECK(h && shv && strcmp(h->server_version,
                                 field_value(shv, "server_hello.server_version")) == 0,
              "ServerHello.server_version");
        CHECK(h && h->limits && h->limits->max_frame_bytes == 4194304 &&
                  h->limits->max_concurrent_calls == 256 && h->limits->frame_timeout_ms == 10000 &&
                  h->limits->idle_timeout_ms == 300000,
              "ServerHello.limits");
        CHECK(thidua_has_service(conn, "thidua.host.v1.Health") &&
                  thidua_has_service(conn, "thidua.host.v1.Echo") &&
                  !thidua_has_service(conn, "thidua.host.v1.Nope"),
              "ServerHello.services");

        /* Call 1: Echo/Unary "hi", 1000 ms: the request must be request_unary, byte for byte. */
        Thidua__Host__V1__EchoRequest er = THIDUA__HOST__V1__ECHO_REQUEST__INIT;
        er.payload.data = (uint8_t *)"hi";
        er.payload.len = 2;
        uint8_t req[16];
        size_t rn = thidua__host__v1__echo_request__pack(&er, req);
        uint8_t *resp = NULL;
        size_t resp_len = 0;
        thidua_status st = THIDUA_STATUS_INIT;
        r = thidua_call_unary(conn, "thidua.host.v1.Echo/Unary", req, rn, 1000, &resp, &resp_len,
                              &st);
        CHECK(r == THIDUA_OK && st.code == 0 && st.local == 0 && st.call_id == 1,
              "call 1: %s %s %s", thidua_result_name(r), st.name, st.message);
        Thidua__Host__V1__EchoReply *rep =
            resp ? thidua__host__v1__echo_reply__unpack(NULL, resp_len, resp) : NULL;
        CHECK(rep && rep->payload.len == 2 && memcmp(rep->payload.data, "hi", 2) == 0,
              "call 1: the EchoReply");
        if (rep) thidua__host__v1__echo_reply__free_unpacked(rep, NULL);
        free(resp);
        thidua_status_clear(&st);

        /* Call 2: refused with details. */
        const vector *sd = find_vector("status_with_details");
        r = thidua_call_unary(conn, "x/Y", NULL, 0, 0, &resp, &resp_len, &st);
        CHECK(r == THIDUA_OK && st.code == 12 && strcmp(st.name, "UNIMPLEMENTED") == 0 &&
                  resp == NULL && resp_len == 0,
              "call 2: %s %s", thidua_result_name(r), st.name ? st.name : "");
        CHECK(sd && st.message && strcmp(st.message, field_value(sd, "status.message")) == 0,
              "call 2: message");
        CHECK(st.n_details == 1 && strcmp(st.details[0].field, "method") == 0 &&
                  strcmp(st.details[0].rule, "call.method_known") == 0 &&
                  strcmp(st.details[0].description, "unknown method") == 0 &&
                  strcmp(thidua_status_rule(&st), "call.method_known") == 0,
              "call 2: details");
        thidua_status_clear(&st);

        /* Seven pings; the seventh is the ping vector. */
        int pings_ok = 1;
        for (int i = 0; i < 7; i++) pings_ok &= thidua_ping(conn, 5000, NULL) == THIDUA_OK;
        CHECK(pings_ok, "pings");

        /* Call 3: a stream, cancelled; the cancel must be the cancel vector. */
        thidua_stream *s = NULL;
        r = thidua_stream_begin(conn, "thidua.host.v1.Echo/Stream", NULL, 0, 0, &s);
        CHECK(r == THIDUA_OK && s && thidua_stream_call_id(s) == 3, "call 3 begins");
        if (s) {
            CHECK(thidua_stream_cancel(s) == THIDUA_OK, "call 3 cancel");
            uint8_t *m;
            size_t ml;
            int k = thidua_stream_next(s, &m, &ml, &st);
            /* The fake server sends GoAway{last_call_id 3} and closes without a status: §8
             * says such a call ends UNAVAILABLE. */
            CHECK(k == 0 && st.code == THIDUA_CODE_UNAVAILABLE && st.local == 1,
                  "call 3 ends UNAVAILABLE: %d %s", k, st.name ? st.name : "");
            thidua_status_clear(&st);
            CHECK(thidua_stream_next(s, &m, &ml, &st) < 0, "call 3: no second end");
            thidua_stream_free(s);
        }
        uint64_t last = 99;
        thidua_error g;
        const vector *gv = find_vector("go_away");
        CHECK(thidua_goaway(conn, &last, &g) == 1 && last == 3 && g.code == 0 &&
                  strcmp(g.name, "OK") == 0 && gv &&
                  strcmp(g.message, field_value(gv, "go_away.message")) == 0,
              "GoAway recorded");
        CHECK(!thidua_is_open(conn), "no new calls after GoAway");
        r = thidua_call_unary(conn, "thidua.host.v1.Echo/Unary", req, rn, 0, &resp, &resp_len,
                              &st);
        CHECK(r == THIDUA_E_CLOSED && st.code == THIDUA_CODE_UNAVAILABLE && st.local,
              "call after GoAway: %s", thidua_result_name(r));
        thidua_status_clear(&st);
        thidua_close(conn);
    }
    int cs = child_status(pid);
    CHECK(cs == 0, "fake server A exited %d", cs);

    /* --- B: handshake refused with a GoAway --- */
    fd = spawn_fake(script_refuse_hello, &pid);
    CHECK(fd >= 0, "socketpair/fork");
    if (fd < 0) return;
    const vector *kv = find_vector("client_hello_with_key");
    const vector *ge = find_vector("go_away_error");
    o.client_name = kv ? field_value(kv, "client_hello.client_name") : "";
    o.api_key = kv ? field_value(kv, "client_hello.api_key") : "";
    conn = NULL;
    r = thidua_connect_fd(fd, &o, &conn, &err);
    CHECK(r == THIDUA_E_GOAWAY && conn == NULL && err.kind == THIDUA_E_GOAWAY && err.code == 8 &&
              strcmp(err.name, "RESOURCE_EXHAUSTED") == 0 &&
              strcmp(err.rule, "frame.max_bytes") == 0 && ge &&
              strcmp(err.message, field_value(ge, "go_away.message")) == 0,
          "GoAway refusal: %s code %d %s rule %s: %s", thidua_result_name(r), err.code, err.name,
          err.rule, err.message);
    thidua_close(conn);
    cs = child_status(pid);
    CHECK(cs == 0, "fake server B exited %d", cs);

    /* --- C: every invalid vector, sent by a server, is refused by the socket reader --- */
    for (size_t i = 0; i < n_vectors; i++) {
        if (!vectors[i].refuse_rule) continue;
        bad_vector = &vectors[i];
        fd = spawn_fake(script_send_bad, &pid);
        CHECK(fd >= 0, "socketpair/fork");
        if (fd < 0) return;
        o.client_name = "demo";
        o.api_key = NULL;
        conn = NULL;
        r = thidua_connect_fd(fd, &o, &conn, &err);
        CHECK(r == THIDUA_E_PROTOCOL && strcmp(err.rule, bad_vector->refuse_rule) == 0 &&
                  strcmp(err.name, bad_vector->refuse_code) == 0,
              "socket reader on vector %s: %s %s %s", bad_vector->name, thidua_result_name(r),
              err.rule, err.name);
        thidua_close(conn);
        cs = child_status(pid);
        CHECK(cs == 0, "fake server C exited %d", cs);
    }

    /* --- D: call ids count up; call 300 carries metadata --- */
    fd = spawn_fake(script_metadata, &pid);
    CHECK(fd >= 0, "socketpair/fork");
    if (fd < 0) return;
    o.client_name = "demo";
    conn = NULL;
    r = thidua_connect_fd(fd, &o, &conn, &err);
    CHECK(r == THIDUA_OK, "handshake D: %s", err.message);
    if (r == THIDUA_OK) {
        int all_ok = 1;
        thidua_status st = THIDUA_STATUS_INIT;
        for (int i = 1; i < 300; i++) {
            r = thidua_call_unary(conn, "thidua.host.v1.Health/Check", NULL, 0, 0, NULL, NULL,
                                  &st);
            all_ok &= r == THIDUA_OK && st.code == 0 && st.call_id == (uint64_t)i;
            thidua_status_clear(&st);
        }
        CHECK(all_ok, "calls 1..299");
        thidua_metadata md[] = {{"idempotency-key", "k-42"}};
        thidua_call_options co = {0, md, 1};
        uint8_t *resp = NULL;
        size_t rl = 0;
        r = thidua_call_unary_ex(conn, "thidua.host.v1.Health/Check", NULL, 0, &co, &resp, &rl,
                                 &st);
        CHECK(r == THIDUA_OK && st.code == 0 && st.call_id == 300 && resp && rl == 0,
              "call 300 with metadata: %s", thidua_result_name(r));
        free(resp);
        thidua_status_clear(&st);
        thidua_close(conn);
    }
    cs = child_status(pid);
    CHECK(cs == 0, "fake server D exited %d", cs);

    /* --- E: local timer, unknown status code, frame.direction --- */
    fd = spawn_fake(script_misbehave, &pid);
    CHECK(fd >= 0, "socketpair/fork");
    if (fd < 0) return;
    o.client_name = "demo";
    conn = NULL;
    r = thidua_connect_fd(fd, &o, &conn, &err);
    CHECK(r == THIDUA_OK, "handshake E: %s", err.message);
    if (r == THIDUA_OK) {
        thidua_status st = THIDUA_STATUS_INIT;
        uint8_t *resp = NULL;
        size_t rl = 0;
        struct timespec t0, t1;
        clock_gettime(CLOCK_MONOTONIC, &t0);
        r = thidua_call_unary(conn, "thidua.host.v1.Echo/Unary", NULL, 0, 100, &resp, &rl, &st);
        clock_gettime(CLOCK_MONOTONIC, &t1);
        double secs = (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) / 1e9;
        CHECK(r == THIDUA_E_TIMEOUT && st.local && st.code == THIDUA_CODE_DEADLINE_EXCEEDED &&
                  !resp && secs >= 1.0 && secs < 5.0,
              "local timer: %s %s after %.2f s", thidua_result_name(r), st.name ? st.name : "",
              secs);
        CHECK(thidua_last_error(conn)->kind == THIDUA_E_TIMEOUT, "last error: local timer");
        thidua_status_clear(&st);
        r = thidua_call_unary(conn, "x/Y", NULL, 0, 0, &resp, &rl, &st);
        CHECK(r == THIDUA_OK && st.call_id == 2 && st.code == THIDUA_CODE_UNKNOWN &&
                  st.wire_code == 99 && strcmp(st.name, "UNKNOWN") == 0 && !resp,
              "unknown status code reads as UNKNOWN (late status of call 1 dropped): %s %d",
              st.name ? st.name : "", st.wire_code);
        thidua_status_clear(&st);
        r = thidua_call_unary(conn, "x/Y", NULL, 0, 0, &resp, &rl, &st);
        CHECK(r == THIDUA_E_PROTOCOL && st.local && st.code == THIDUA_CODE_UNAVAILABLE &&
                  strcmp(thidua_last_error(conn)->rule, "frame.direction") == 0,
              "a Request from the server breaks the connection: %s %s rule %s",
              thidua_result_name(r), st.name ? st.name : "", thidua_last_error(conn)->rule);
        thidua_status_clear(&st);
        CHECK(!thidua_is_open(conn), "connection closed after a protocol violation");
        thidua_close(conn);
    }
    cs = child_status(pid);
    CHECK(cs == 0, "fake server E exited %d", cs);
}

/* The §12 worked example and the low-level helpers. */
static void test_low_level(void)
{
    thidua_error err;
    /* The length check happens on the header alone, before any body byte is there. */
    const uint8_t big[4] = {0x00, 0x01, 0x00, 0x01}; /* 65537 */
    size_t used;
    Thidua__Wire__V1__Frame *f;
    CHECK(thidua_frame_parse(big, 4, THIDUA_FIRST_FRAME_MAX_BYTES, &used, &f, &err) ==
                  THIDUA_E_PROTOCOL &&
              strcmp(err.rule, "frame.max_bytes") == 0,
          "65537 > 64 KiB refused from the header alone");
    CHECK(thidua_frame_parse(big, 4, THIDUA_DEFAULT_MAX_FRAME_BYTES, &used, &f, &err) ==
              THIDUA_E_NEED_MORE,
          "65537 <= 4 MiB waits for the body");
    const uint8_t exact[4] = {0x00, 0x01, 0x00, 0x00}; /* 65536: at most, so allowed */
    CHECK(thidua_frame_parse(exact, 4, THIDUA_FIRST_FRAME_MAX_BYTES, &used, &f, &err) ==
              THIDUA_E_NEED_MORE,
          "65536 is within the first-frame limit");
    CHECK(thidua_frame_check_length(4194304, THIDUA_DEFAULT_MAX_FRAME_BYTES, &err) == THIDUA_OK &&
              thidua_frame_check_length(4194305, THIDUA_DEFAULT_MAX_FRAME_BYTES, &err) ==
                  THIDUA_E_PROTOCOL,
          "4 MiB boundary");
    /* Two frames back to back in one buffer. */
    const vector *a = find_vector("ping"), *b = find_vector("pong");
    if (a && b) {
        uint8_t two[64];
        memcpy(two, a->bytes, a->len);
        memcpy(two + a->len, b->bytes, b->len);
        int ok = thidua_frame_parse(two, a->len + b->len, 65536, &used, &f, &err) == THIDUA_OK &&
                 used == a->len && f->kind_case == THIDUA__WIRE__V1__FRAME__KIND_PING;
        thidua_frame_free(f);
        ok = ok && thidua_frame_parse(two + used, b->len, 65536, &used, &f, &err) == THIDUA_OK &&
             f->kind_case == THIDUA__WIRE__V1__FRAME__KIND_PONG;
        thidua_frame_free(f);
        CHECK(ok, "two frames in one buffer");
    }
    CHECK(strcmp(thidua_status_name(16), "UNAUTHENTICATED") == 0 &&
              strcmp(thidua_status_name(17), "UNKNOWN") == 0 &&
              strcmp(thidua_status_name(-1), "UNKNOWN") == 0,
          "status names; unknown codes read as UNKNOWN (§6)");
}

int main(int argc, char **argv)
{
    signal(SIGPIPE, SIG_IGN);
    const char *path = argc > 1 ? argv[1] : getenv("THIDUA_VECTORS");
    if (!path) path = "../../Tests/vectors/frames.txt";
    if (load_vectors(path) != 0) {
        free_vectors();
        fprintf(stderr, "cannot load the vectors\n");
        printf("0 passed, 1 failed\n");
        return 1;
    }
    printf("test_vectors: %zu vectors from %s\n", n_vectors, path);
    test_vector_file();
    test_mutations();
    test_low_level();
    test_fake_server();
    free_vectors();
    return tests_summary();
}
