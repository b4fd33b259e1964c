/*
 * thidua_initiative HOST PORT API_KEY
 *
 * What an agency's system does with the innovation module, in C: finds the innovation
 * campaigns its key can see (thidua.core.v1.Campaigns/ListCampaigns), lists the grassroots
 * unions taking part (thidua.core.v1.Units/ListUnits), files one initiative in the first one's
 * register, authored by one of its members (thidua.innovation.v1.Initiatives/FileInitiative),
 * and shows the server refusing the same initiative a second time (first to file wins).
 * Exit status 0 when all of that happened as described.
 */
#define _POSIX_C_SOURCE 200809L

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "thidua.h"
#include "thidua/core/v1/campaigns.pb-c.h"
#include "thidua/core/v1/keys.pb-c.h"
#include "thidua/core/v1/members.pb-c.h"
#include "thidua/core/v1/units.pb-c.h"
#include "thidua/innovation/v1/innovation.pb-c.h"

/* Packs a message, calls METHOD, and leaves the answer in *resp (free it). 1 when OK. */
static int call(thidua_conn *c, const char *method, const ProtobufCMessage *req, uint8_t **resp,
                size_t *len, thidua_status *st)
{
    size_t n = protobuf_c_message_get_packed_size(req);
    uint8_t *buf = malloc(n ? n : 1);
    if (!buf) return 0;
    protobuf_c_message_pack(req, buf);
    thidua_result r = thidua_call_unary(c, method, buf, n, 5000, resp, len, st);
    free(buf);
    if (r == THIDUA_OK && st->code == THIDUA_CODE_OK) return 1;
    fprintf(stderr, "%s: %s, status %d %s: %s\n", method, thidua_result_name(r), st->code,
            st->name ? st->name : "?", st->message ? st->message : "");
    return 0;
}

int main(int argc, char **argv)
{
    if (argc != 4) {
        fprintf(stderr, "usage: %s HOST PORT API_KEY\n", argv[0]);
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
    if (thidua_connect(argv[1], (uint16_t)port, "thidua_initiative/0.1", argv[3], &c, &err) != THIDUA_OK) {
        fprintf(stderr, "connect failed: %s\n", err.message);
        return 1;
    }
    int ok = 0;
    uint8_t *resp = NULL;
    size_t len = 0;
    thidua_status st = THIDUA_STATUS_INIT;
    Thidua__Core__V1__ListCampaignsResponse *campaigns = NULL;
    Thidua__Core__V1__ListUnitsResponse *units = NULL;
    Thidua__Core__V1__ListMembersResponse *members = NULL;
    Thidua__Innovation__V1__Initiative *filed = NULL;

    /* 1. The innovation campaigns this key can see. */
    Thidua__Core__V1__ListCampaignsRequest list_campaigns = THIDUA__CORE__V1__LIST_CAMPAIGNS_REQUEST__INIT;
    list_campaigns.module = (char *)"innovation";
    if (!call(c, "thidua.core.v1.Campaigns/ListCampaigns", &list_campaigns.base, &resp, &len, &st)) goto done;
    campaigns = thidua__core__v1__list_campaigns_response__unpack(NULL, len, resp);
    free(resp);
    resp = NULL;
    thidua_status_clear(&st);
    if (!campaigns || campaigns->n_campaigns == 0) {
        fprintf(stderr, "no innovation campaign is visible to this key\n");
        goto done;
    }
    const Thidua__Core__V1__Campaign *campaign = campaigns->campaigns[0];
    printf("campaign %s: %s (%s to %s)\n", campaign->id, campaign->title, campaign->period->starts_on,
           campaign->period->ends_on);

    /* 2. The grassroots unions taking part. */
    Thidua__Core__V1__PageRequest page = THIDUA__CORE__V1__PAGE_REQUEST__INIT;
    page.page_size = 5;
    Thidua__Core__V1__ListUnitsRequest list_units = THIDUA__CORE__V1__LIST_UNITS_REQUEST__INIT;
    list_units.root_id = campaign->scope_unit_id;
    list_units.kind = THIDUA__CORE__V1__UNIT_KIND__GRASSROOTS_UNION;
    list_units.page = &page;
    if (!call(c, "thidua.core.v1.Units/ListUnits", &list_units.base, &resp, &len, &st)) goto done;
    units = thidua__core__v1__list_units_response__unpack(NULL, len, resp);
    free(resp);
    resp = NULL;
    thidua_status_clear(&st);
    if (!units || units->n_units == 0) {
        fprintf(stderr, "the campaign has no grassroots union\n");
        goto done;
    }
    printf("grassroots unions (first %zu):\n", units->n_units);
    for (size_t i = 0; i < units->n_units; i++)
        printf("  %-6s %s\n", units->units[i]->id, units->units[i]->name);
    const Thidua__Core__V1__Unit *unit = units->units[0];

    /* 3. An author: a member of that union. */
    Thidua__Core__V1__PageRequest one = THIDUA__CORE__V1__PAGE_REQUEST__INIT;
    one.page_size = 1;
    Thidua__Core__V1__ListMembersRequest list_members = THIDUA__CORE__V1__LIST_MEMBERS_REQUEST__INIT;
    list_members.unit_id = unit->id;
    list_members.page = &one;
    if (!call(c, "thidua.core.v1.Members/ListMembers", &list_members.base, &resp, &len, &st)) goto done;
    members = thidua__core__v1__list_members_response__unpack(NULL, len, resp);
    free(resp);
    resp = NULL;
    thidua_status_clear(&st);
    if (!members || members->n_members == 0) {
        fprintf(stderr, "unit %s has no member to author the initiative\n", unit->id);
        goto done;
    }

    /* 4. File the initiative in the union's register. */
    char title[160];
    snprintf(title, sizeof title, "Cải tiến quy trình kiểm kê vật tư (C client, %ld)", (long)time(NULL));
    Thidua__Innovation__V1__InitiativeAuthor author = THIDUA__INNOVATION__V1__INITIATIVE_AUTHOR__INIT;
    author.member_id = members->members[0]->id;
    author.share_percent = 100;
    author.category = THIDUA__INNOVATION__V1__WORKER_CATEGORY__DIRECT_WORKER;
    Thidua__Innovation__V1__InitiativeAuthor *authors[] = {&author};
    Thidua__Innovation__V1__FileInitiativeRequest file = THIDUA__INNOVATION__V1__FILE_INITIATIVE_REQUEST__INIT;
    file.campaign_id = campaign->id;
    file.unit_id = unit->id;
    file.title = title;
    file.summary = (char *)"Kiểm kê bằng mã vạch thay cho sổ tay: nhanh hơn, ít sai sót.";
    file.kind = THIDUA__INNOVATION__V1__INITIATIVE_KIND__MANAGERIAL;
    file.n_authors = 1;
    file.authors = authors;
    file.application = THIDUA__INNOVATION__V1__APPLICATION_STATUS__APPLIED;
    file.first_applied_on = campaign->period->starts_on;
    file.benefit_vnd = 45000000;
    if (!call(c, "thidua.innovation.v1.Initiatives/FileInitiative", &file.base, &resp, &len, &st)) goto done;
    filed = thidua__innovation__v1__initiative__unpack(NULL, len, resp);
    free(resp);
    resp = NULL;
    thidua_status_clear(&st);
    if (!filed) goto done;
    printf("filed %s, number %u in the register of %s, by %s: state %s\n", filed->id,
           filed->register_number, filed->unit_id, filed->authors[0]->full_name,
           protobuf_c_enum_descriptor_get_value(&thidua__innovation__v1__initiative_state__descriptor,
                                                filed->state)->name);

    /* 5. The same initiative again: the server refuses it, naming the rule. */
    size_t n = protobuf_c_message_get_packed_size(&file.base);
    uint8_t *buf = malloc(n);
    if (!buf) goto done;
    protobuf_c_message_pack(&file.base, buf);
    thidua_result r = thidua_call_unary(c, "thidua.innovation.v1.Initiatives/FileInitiative", buf, n,
                                        5000, &resp, &len, &st);
    free(buf);
    free(resp);
    resp = NULL;
    const char *rule = thidua_status_rule(&st);
    printf("filing it again: %s, rule %s: %s\n", st.name ? st.name : "?", rule ? rule : "-",
           st.message ? st.message : "");
    ok = r == THIDUA_OK && st.code == THIDUA_CODE_FAILED_PRECONDITION;
    thidua_status_clear(&st);

done:
    if (filed) thidua__innovation__v1__initiative__free_unpacked(filed, NULL);
    if (members) thidua__core__v1__list_members_response__free_unpacked(members, NULL);
    if (units) thidua__core__v1__list_units_response__free_unpacked(units, NULL);
    if (campaigns) thidua__core__v1__list_campaigns_response__free_unpacked(campaigns, NULL);
    free(resp);
    thidua_status_clear(&st);
    thidua_close(c);
    return ok ? 0 : 1;
}
