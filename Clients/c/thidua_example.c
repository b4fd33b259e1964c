/*
 * thidua_example HOST PORT [API_KEY]
 *
 * Connects to a thidua server, lists its services (thidua.host.v1.Reflection/ListServices),
 * checks its health (thidua.host.v1.Health/Check) and echoes a message
 * (thidua.host.v1.Echo/Unary). Exit status 0 when all three succeed.
 */
#define _POSIX_C_SOURCE 200809L

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "thidua.h"
#include "thidua/host/v1/echo.pb-c.h"
#include "thidua/host/v1/health.pb-c.h"
#include "thidua/host/v1/reflection.pb-c.h"

static void print_status(const char *what, thidua_result r, const thidua_status *st)
{
    fprintf(stderr, "%s failed: %s%s, status %d %s: %s\n", what, thidua_result_name(r),
            st->local ? " (local)" : "", st->code, st->name ? st->name : "?",
            st->message ? st->message : "");
    for (size_t i = 0; i < st->n_details; i++)
        fprintf(stderr, "  detail: field=%s rule=%s description=%s\n", st->details[i].field,
                st->details[i].rule, st->details[i].description);
}

static int list_services(thidua_conn *c)
{
    uint8_t *resp = NULL;
    size_t len = 0;
    thidua_status st = THIDUA_STATUS_INIT;
    /* ListServicesRequest has no fields: its encoding is empty. */
    thidua_result r = thidua_call_unary(c, "thidua.host.v1.Reflection/ListServices", NULL, 0,
                                        5000, &resp, &len, &st);
    int ok = r == THIDUA_OK && st.code == THIDUA_CODE_OK;
    if (!ok) {
        print_status("Reflection/ListServices", r, &st);
    } else {
        Thidua__Host__V1__ListServicesResponse *ls =
            thidua__host__v1__list_services_response__unpack(NULL, len, resp);
        if (!ls) {
            fprintf(stderr, "Reflection/ListServices: the answer does not decode\n");
            ok = 0;
        } else {
            printf("services (%zu):\n", ls->n_services);
            for (size_t i = 0; i < ls->n_services; i++) {
                const Thidua__Host__V1__ServiceDescription *s = ls->services[i];
                printf("  %s  [module %s]\n", s->name, s->module_id);
                for (size_t k = 0; k < s->n_methods; k++) {
                    const Thidua__Host__V1__MethodDescription *m = s->methods[k];
                    printf("    %-45s %s -> %s%s\n", m->path, m->input_type,
                           m->server_streaming ? "stream " : "", m->output_type);
                }
            }
            thidua__host__v1__list_services_response__free_unpacked(ls, NULL);
        }
    }
    free(resp);
    thidua_status_clear(&st);
    return ok;
}

static int health_check(thidua_conn *c)
{
    Thidua__Host__V1__HealthCheckRequest req = THIDUA__HOST__V1__HEALTH_CHECK_REQUEST__INIT;
    req.service = (char *)""; /* the whole server */
    uint8_t buf[16];
    size_t n = thidua__host__v1__health_check_request__pack(&req, buf);
    uint8_t *resp = NULL;
    size_t len = 0;
    thidua_status st = THIDUA_STATUS_INIT;
    thidua_result r = thidua_call_unary(c, "thidua.host.v1.Health/Check", buf, n, 5000, &resp,
                                        &len, &st);
    int ok = r == THIDUA_OK && st.code == THIDUA_CODE_OK;
    if (!ok) {
        print_status("Health/Check", r, &st);
    } else {
        Thidua__Host__V1__HealthCheckResponse *h =
            thidua__host__v1__health_check_response__unpack(NULL, len, resp);
        const ProtobufCEnumValue *v =
            h ? protobuf_c_enum_descriptor_get_value(
                    &thidua__host__v1__health_check_response__serving_status__descriptor,
                    h->status)
              : NULL;
        printf("health: %s\n", v ? v->name : "?");
        ok = h && h->status == THIDUA__HOST__V1__HEALTH_CHECK_RESPONSE__SERVING_STATUS__SERVING;
        if (h) thidua__host__v1__health_check_response__free_unpacked(h, NULL);
    }
    free(resp);
    thidua_status_clear(&st);
    return ok;
}

static int echo(thidua_conn *c, const char *text)
{
    Thidua__Host__V1__EchoRequest req = THIDUA__HOST__V1__ECHO_REQUEST__INIT;
    req.payload.data = (uint8_t *)text;
    req.payload.len = strlen(text);
    size_t n = thidua__host__v1__echo_request__get_packed_size(&req);
    uint8_t *buf = malloc(n ? n : 1);
    if (!buf) return 0;
    thidua__host__v1__echo_request__pack(&req, buf);
    uint8_t *resp = NULL;
    size_t len = 0;
    thidua_status st = THIDUA_STATUS_INIT;
    thidua_result r = thidua_call_unary(c, "thidua.host.v1.Echo/Unary", buf, n, 5000, &resp,
                                        &len, &st);
    free(buf);
    int ok = r == THIDUA_OK && st.code == THIDUA_CODE_OK;
    if (!ok) {
        print_status("Echo/Unary", r, &st);
    } else {
        Thidua__Host__V1__EchoReply *e = thidua__host__v1__echo_reply__unpack(NULL, len, resp);
        ok = e && e->payload.len == strlen(text) &&
             memcmp(e->payload.data, text, e->payload.len) == 0;
        printf("echo: \"%.*s\"%s\n", e ? (int)e->payload.len : 0,
               e ? (const char *)e->payload.data : "", ok ? "" : " (MISMATCH)");
        if (e) thidua__host__v1__echo_reply__free_unpacked(e, NULL);
    }
    free(resp);
    thidua_status_clear(&st);
    return ok;
}

int main(int argc, char **argv)
{
    if (argc < 3 || argc > 4) {
        fprintf(stderr, "usage: %s HOST PORT [API_KEY]\n", argv[0]);
        return 2;
    }
    char *end;
    unsigned long port = strtoul(argv[2], &end, 10);
    if (*end || port == 0 || port > 65535) {
        fprintf(stderr, "bad port: %s\n", argv[2]);
        return 2;
    }
    thidua_conn *c = NULL;
    thidua_error err;
    thidua_result r = thidua_connect(argv[1], (uint16_t)port, "thidua_example/0.1",
                                     argc == 4 ? argv[3] : "", &c, &err);
    if (r != THIDUA_OK) {
        fprintf(stderr, "connect failed: %s: %s", thidua_result_name(r), err.message);
        if (err.code >= 0) fprintf(stderr, " (code %d %s)", err.code, err.name);
        if (err.rule[0]) fprintf(stderr, " rule %s", err.rule);
        fputc('\n', stderr);
        return 1;
    }
    const Thidua__Wire__V1__ServerHello *h = thidua_server_hello(c);
    printf("connected to %s:%lu: server %s, protocol %u, %zu services\n", argv[1], port,
           h->server_version, h->protocol_version, h->n_services);
    uint64_t rtt = 0;
    if (thidua_ping(c, 5000, &rtt) == THIDUA_OK) printf("ping: %llu us\n", (unsigned long long)rtt);

    int ok = list_services(c);
    ok &= health_check(c);
    ok &= echo(c, "xin chào, thidua");
    thidua_close(c);
    return ok ? 0 : 1;
}
